package io.duecall.adapter.archfixture;

import io.duecall.devsupport.LocalRedis;

/** Deliberately wrong, for {@code LayersTest}: production code starting a throwaway Redis. */
public class AdapterStartingRedis {
    LocalRedis redis;
}
