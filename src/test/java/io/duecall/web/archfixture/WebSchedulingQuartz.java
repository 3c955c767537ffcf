package io.duecall.web.archfixture;

import io.duecall.adapter.quartz.QuartzDialCycle;

/** Deliberately wrong, for {@code LayersTest}: the operations server reaching into an adapter. */
public class WebSchedulingQuartz {
    QuartzDialCycle cycle;
}
