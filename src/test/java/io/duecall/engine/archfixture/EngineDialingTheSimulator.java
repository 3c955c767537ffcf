package io.duecall.engine.archfixture;

import io.duecall.pbxsim.PbxSimulator;

/** Deliberately wrong, for {@code LayersTest}: production wiring that reaches for the PBX simulator. */
public class EngineDialingTheSimulator {
    PbxSimulator pbx;
}
