using System.Diagnostics;

namespace Twin.Scenarios.Bench;

/// <summary>
/// Timing of repeated passes: median pass durations, robust to other load on the machine; two
/// workloads are timed in alternation so that both see the same load.
/// </summary>
public static class BenchTiming
{
    /// <summary>
    /// Runs <paramref name="first"/> and <paramref name="second"/> in turn until
    /// <paramref name="seconds"/> have gone by (at least three rounds) and returns the median
    /// duration of one pass of each, s.
    /// </summary>
    public static (double First, double Second) MedianSeconds(
        Action first, Action second, double seconds)
    {
        var a = new List<double>();
        var b = new List<double>();
        var total = Stopwatch.StartNew();
        while (a.Count < 3 || total.Elapsed.TotalSeconds < seconds)
        {
            a.Add(Time(first));
            b.Add(Time(second));
        }

        return (Median(a), Median(b));
    }

    /// <summary>
    /// Runs <paramref name="pass"/> at least <paramref name="passes"/> times and for at least
    /// <paramref name="seconds"/>: the runtime compiles a method again, optimised, only after it
    /// has been called about 30 times, so figures taken before that measure the first compiler.
    /// </summary>
    public static void WarmUp(Action pass, int passes = 40, double seconds = 1.0)
    {
        var total = Stopwatch.StartNew();
        for (int i = 0; i < passes || total.Elapsed.TotalSeconds < seconds; i++)
        {
            pass();
        }
    }

    /// <summary>The 1-minute load average from /proc/loadavg, or NaN where there is none.</summary>
    public static double LoadAverage()
    {
        try
        {
            string text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0],
                System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException
            or FormatException or IndexOutOfRangeException)
        {
            return double.NaN;
        }
    }

    private static double Time(Action pass)
    {
        var clock = Stopwatch.StartNew();
        pass();
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> times)
    {
        times.Sort();
        return times[times.Count / 2];
    }
}
