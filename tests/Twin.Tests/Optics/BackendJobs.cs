using Twin.Optics.Compute;

namespace Twin.Tests.Optics;

/// <summary>Tiny image-formation jobs for the backend tests (the emulator is slow).</summary>
internal static class BackendJobs
{
    private const int Halo = 6;

    /// <summary>Every sample of slice s holds od[s], in every channel; σ 1.5 samples.</summary>
    public static FormationJob Uniform(int slices, float[] od)
    {
        var job = Empty(12, 10, 1, slices, 1, [0, 1, 2], 1.5f);
        int plane = job.SampleWidth * job.SampleHeight;
        for (int s = 0; s < slices; s++)
        {
            job.Od.AsSpan(s * 3 * plane, 3 * plane).Fill(od[s]);
        }

        return job;
    }

    /// <summary>One sample of OD ε at the centre of a 15 × 15 field, red channel only.</summary>
    public static FormationJob Point(float eps, float sigma)
    {
        var job = Empty(15, 15, 1, 1, 1, [0], sigma);
        int y = (job.Height / 2) + Halo;
        int x = (job.Width / 2) + Halo;
        job.Od[(y * job.SampleWidth) + x] = eps;
        return job;
    }

    /// <summary>OD 0 and 1 alternating sample by sample, near-delta blur.</summary>
    public static FormationJob Checker(int sub)
    {
        var job = Empty(6, 6, sub, 1, 1, [0], 0.01f);
        for (int y = 0; y < job.SampleHeight; y++)
        {
            for (int x = 0; x < job.SampleWidth; x++)
            {
                job.Od[(y * job.SampleWidth) + x] = (x + y) % 2;
            }
        }

        return job;
    }

    /// <summary>
    /// Seeded random OD (0–0.6) in 2 slices; per band the σ given, scaled per slice; with
    /// <paramref name="only"/> set, every band takes that band's σ.
    /// </summary>
    public static FormationJob Random(
        int seed, int bands, float[] sigmas, int[]? channels = null, int only = -1)
    {
        channels ??= [0, 1, 2];
        var job = Empty(13, 4 * bands, 1, 2, bands, channels, 1f);
        var rng = new System.Random(seed);
        for (int i = 0; i < job.Od.Length; i++)
        {
            job.Od[i] = (float)(0.6 * rng.NextDouble());
        }

        for (int ci = 0; ci < channels.Length; ci++)
        {
            for (int b = 0; b < bands; b++)
            {
                for (int s = 0; s < 2; s++)
                {
                    float sigma = sigmas[only >= 0 ? only : b] * (1 + (0.5f * s))
                        * (1 + (0.1f * channels[ci]));
                    job.SigmaSamples[(((ci * bands) + b) * 2) + s] = sigma;
                }
            }
        }

        return job;
    }

    private static FormationJob Empty(
        int w, int h, int sub, int slices, int bands, int[] channels, float sigma)
    {
        int sw = (w * sub) + (2 * Halo);
        int sh = (h * sub) + (2 * Halo);
        var sigmas = new float[channels.Length * bands * slices];
        Array.Fill(sigmas, sigma);
        return new FormationJob
        {
            Od = new float[slices * 3 * sw * sh], Slices = slices, SampleWidth = sw,
            SampleHeight = sh, Halo = Halo, Width = w, Height = h, SubSamples = sub,
            BandRows = h / bands, Channels = channels, SigmaSamples = sigmas,
        };
    }
}
