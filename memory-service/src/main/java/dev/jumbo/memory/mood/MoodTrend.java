package dev.jumbo.memory.mood;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The trend of a user's mood: the least-squares slope of daily average valence against the day (x = days since
 * the first day with entries, so gaps count), in valence per day. Beyond {@code ±threshold} per day it is
 * improving or declining, otherwise stable; fewer than two days is stable with slope 0.
 */
public record MoodTrend(String direction, double slopePerDay) {

    public static MoodTrend of(List<DailyMood> days, double threshold) {
        double slope = slope(days);
        String direction = slope > threshold ? "improving" : slope < -threshold ? "declining" : "stable";
        return new MoodTrend(direction, Math.round(slope * 10_000d) / 10_000d);
    }

    /** Ordinary least squares: Σ(x−x̄)(y−ȳ) / Σ(x−x̄)². */
    static double slope(List<DailyMood> days) {
        if (days.size() < 2) {
            return 0;
        }
        double[] x = new double[days.size()];
        double[] y = new double[days.size()];
        for (int i = 0; i < days.size(); i++) {
            x[i] = ChronoUnit.DAYS.between(days.get(0).date(), days.get(i).date());
            y[i] = days.get(i).averageValence();
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < x.length; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= x.length;
        meanY /= y.length;
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < x.length; i++) {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            variance += (x[i] - meanX) * (x[i] - meanX);
        }
        return variance == 0 ? 0 : covariance / variance;
    }
}
