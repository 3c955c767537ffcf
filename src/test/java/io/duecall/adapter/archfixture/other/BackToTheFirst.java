package io.duecall.adapter.archfixture.other;

import io.duecall.adapter.archfixture.AdapterInACycle;

/** Deliberately wrong, for {@code LayersTest}: closes the cycle {@link AdapterInACycle} opens. */
public class BackToTheFirst {
    AdapterInACycle first;
}
