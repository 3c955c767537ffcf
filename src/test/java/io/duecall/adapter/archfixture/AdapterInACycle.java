package io.duecall.adapter.archfixture;

import io.duecall.adapter.archfixture.other.BackToTheFirst;

/** Deliberately wrong, for {@code LayersTest}: two packages that depend on each other. */
public class AdapterInACycle {
    BackToTheFirst other;
}
