using System.Collections.Concurrent;
using Twin.Optics.Compute;
using Twin.Optics.Metrics;
using Twin.Optics.Psf;
using Twin.Optics.Rendering;
using Twin.Optics.Tissue;

namespace Twin.Tests.Optics;

/// <summary>Shared scenes for the rendering, metric and depth-of-field tests.</summary>
internal static class RenderScenes
{
    private static readonly ConcurrentDictionary<(string, double, int, double, double, int),
        IReadOnlyDictionary<string, ThroughFocusCurve>> CurveCache = new();

    /// <summary>Left/top edge of the field the through-focus tests look at, µm.</summary>
    public const double FieldOriginUm = 900;

    /// <summary>Field size of the through-focus tests, µm (230 px at 40x).</summary>
    public const double FieldUm = 60;

    /// <summary>The four focus metrics, by name.</summary>
    public static IReadOnlyDictionary<string, Func<float[], int, int, double>> Metrics { get; } =
        new Dictionary<string, Func<float[], int, int, double>>
        {
            ["Brenner"] = (a, w, h) => FocusMetrics.Brenner(a, w, h),
            ["Tenengrad"] = (a, w, h) => FocusMetrics.Tenengrad(a, w, h),
            ["NormalizedVariance"] = (a, w, h) => FocusMetrics.NormalizedVariance(a, w, h),
            ["LaplacianVariance"] = (a, w, h) => FocusMetrics.LaplacianVariance(a, w, h),
        };

    /// <summary>The metric names, for test cases.</summary>
    public static IEnumerable<string> MetricsNames() => Metrics.Keys;

    /// <summary>An image former over a cached procedural section 2 mm square.</summary>
    public static ImageFormer Former(
        TissueKind kind, double thicknessUm, ulong seed, ObjectiveModel objective,
        IRenderBackend? backend = null) =>
        new(new RegionCache(new ProceduralTissueVolume(kind, 2000, 2000, thicknessUm, seed)),
            objective, SensorModel.Default, backend: backend);

    /// <summary>Focal heights centre ± half in steps, µm, ascending.</summary>
    public static double[] Heights(double centreUm, double halfUm, double stepUm)
    {
        int n = (int)Math.Round(halfUm / stepUm);
        return Enumerable.Range(-n, (2 * n) + 1).Select(i => centreUm + (i * stepUm)).ToArray();
    }

    /// <summary>
    /// The through-focus curve of a 0.5 µm semithin section (seed 7) over ±6 µm in 0.1 µm
    /// steps, computed once per kind, magnification and metric and shared between tests.
    /// </summary>
    public static ThroughFocusCurve SemithinCurve(
        TissueKind kind, ObjectiveModel objective, string metric) =>
        Curves(kind, 0.5, objective, Heights(0.25, 6.0, 0.1))[metric];

    /// <summary>
    /// The four metrics' through-focus curves of the standard field of a section (seed 7),
    /// rendered once per kind, thickness, magnification and heights and shared between tests.
    /// </summary>
    public static IReadOnlyDictionary<string, ThroughFocusCurve> Curves(
        TissueKind kind, double thicknessUm, ObjectiveModel objective, double[] heights) =>
        CurveCache.GetOrAdd(
            (kind.Name, thicknessUm, objective.AppMag, heights[0], heights[^1], heights.Length),
            _ =>
            {
                int n = (int)Math.Round(FieldUm / objective.PixelSizeUm);
                var curves = ThroughFocusCurve.MeasureAll(
                    Former(kind, thicknessUm, 7, objective), FieldOriginUm, FieldOriginUm, n, n,
                    heights, Metrics.Values.ToList());
                return Metrics.Keys.Zip(curves).ToDictionary(p => p.First, p => p.Second);
            });

    /// <summary>The two scan magnifications, for test cases.</summary>
    public static IEnumerable<ObjectiveModel> Objectives() =>
        [ObjectiveModel.Forty, ObjectiveModel.Twenty];
}
