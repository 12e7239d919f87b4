package dev.faultline.sensor;

import java.util.List;

/**
 * One sensor's readings over a time range, down-sampled on the server to at most the points asked for: per
 * bucket the time of its first reading ({@code t}, seconds since 1970, for charting), min, max, mean and how many readings it
 * stands for. {@code resolution} says what the buckets were made from: {@code raw} readings, or the 1-minute,
 * 1-hour or 1-day rollups; {@code bucketSeconds} is the width of one point (0: every reading is its own point).
 */
public record SeriesView(String sensor, String unit, Double normalMin, Double normalMax, String resolution,
        long bucketSeconds, long readings, List<Double> t, List<Double> min, List<Double> max, List<Double> mean,
        List<Long> count) {}
