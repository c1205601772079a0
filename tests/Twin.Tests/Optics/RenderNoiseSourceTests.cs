using NUnit.Framework;
using Twin.Optics.Rendering;

namespace Twin.Tests.Optics;

/// <summary>The camera's Gaussian noise: standard normal, deterministic, seed-dependent.</summary>
[TestFixture]
public sealed class RenderNoiseSourceTests
{
    [Test]
    public void FillGaussianFast_ManyValues_HaveZeroMeanAndUnitVariance()
    {
        var values = new float[1_000_003];
        new NoiseSource(17).FillGaussianFast(values);
        double mean = values.Average(v => (double)v);
        double variance = values.Average(v => (v - mean) * (v - mean));
        // standard errors: 1e-3 for the mean, 1.4e-3 for the variance
        Assert.That(mean, Is.EqualTo(0).Within(5e-3));
        Assert.That(variance, Is.EqualTo(1).Within(7e-3));
        // about 68.3 % within one σ, and no value beyond the table's outermost cell, 4.33σ
        double within = values.Count(v => Math.Abs(v) < 1) / (double)values.Length;
        Assert.That(within, Is.EqualTo(0.6827).Within(3e-3));
        Assert.That(values.Max(v => Math.Abs(v)), Is.LessThan(4.33f));
    }

    [Test]
    public void FillGaussianFast_NeighbouringValues_AreUncorrelated()
    {
        // values come from four interleaved streams: a lag that lines streams up must not show
        var values = new float[400_000];
        new NoiseSource(5).FillGaussianFast(values);
        foreach (int lag in new[] { 1, 2, 3, 4, 12 })
        {
            double sum = 0;
            for (int i = lag; i < values.Length; i++)
            {
                sum += values[i] * values[i - lag];
            }

            Assert.That(sum / (values.Length - lag), Is.EqualTo(0).Within(8e-3), $"lag {lag}");
        }
    }

    [Test]
    public void FillGaussianFast_SameSeed_SameValues_OtherSeed_Others()
    {
        var a = new float[1001];
        var b = new float[1001];
        var c = new float[1001];
        new NoiseSource(3).FillGaussianFast(a);
        new NoiseSource(3).FillGaussianFast(b);
        new NoiseSource(4).FillGaussianFast(c);
        Assert.That(b, Is.EqualTo(a));
        Assert.That(c.Zip(a).Count(p => p.First == p.Second), Is.LessThan(20));
    }

    [Test]
    public void FillGaussianFast_TwoFills_FromOneSource_Differ()
    {
        var source = new NoiseSource(9);
        var a = new float[64];
        var b = new float[64];
        source.FillGaussianFast(a);
        source.FillGaussianFast(b);
        Assert.That(b, Is.Not.EqualTo(a));
    }
}
