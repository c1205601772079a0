using Twin.Optics.Imaging;

namespace Twin.Scanner.Algorithms;

/// <summary>
/// Built-in tissue finding: a macro pixel is tissue when its darkest channel falls a fixed
/// number of levels below the glass level estimated from the image itself; isolated pixels
/// (no tissue neighbour) are dropped as dust; the bounding box gets a one-pixel margin.
/// </summary>
public sealed class ThresholdTissueFinder : ITissueFinder
{
    /// <summary>Darkening below glass that counts as tissue, 8-bit levels. Default 6.</summary>
    public int ThresholdLevels { get; init; } = 6;

    /// <inheritdoc/>
    public string Name => "threshold";

    /// <inheritdoc/>
    public TissueRegion? Find(RgbImage macro, double pixelUm, double labelLengthUm)
    {
        int w = macro.Width;
        int h = macro.Height;
        int start = (int)Math.Ceiling(labelLengthUm / pixelUm) + 2;
        // glass level: the brightest common level right of the label (the 90th percentile)
        var histogram = new int[256];
        for (int y = 0; y < h; y++)
        {
            for (int x = start; x < w; x++)
            {
                histogram[MinChannel(macro, x, y)]++;
            }
        }

        int total = (w - start) * h;
        int glass = 255;
        for (int acc = 0; glass > 0; glass--)
        {
            acc += histogram[glass];
            if (acc >= total / 10)
            {
                break;
            }
        }

        var raw = new bool[w, h];
        for (int y = 0; y < h; y++)
        {
            for (int x = start; x < w; x++)
            {
                raw[x, y] = MinChannel(macro, x, y) < glass - ThresholdLevels;
            }
        }

        var mask = new bool[w, h];
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
        for (int y = 1; y < h - 1; y++)
        {
            for (int x = start + 1; x < w - 1; x++)
            {
                if (!raw[x, y] || !(raw[x - 1, y] || raw[x + 1, y] || raw[x, y - 1]
                    || raw[x, y + 1]))
                {
                    continue;
                }

                mask[x, y] = true;
                x0 = Math.Min(x0, x);
                y0 = Math.Min(y0, y);
                x1 = Math.Max(x1, x);
                y1 = Math.Max(y1, y);
            }
        }

        if (x1 < 0)
        {
            return null;
        }

        return new TissueRegion((x0 - 1) * pixelUm, (y0 - 1) * pixelUm, (x1 + 2) * pixelUm,
            (y1 + 2) * pixelUm, mask, pixelUm);
    }

    private static int MinChannel(RgbImage image, int x, int y)
    {
        int p = ((y * image.Width) + x) * 3;
        return Math.Min(image.Pixels[p], Math.Min(image.Pixels[p + 1], image.Pixels[p + 2]));
    }
}
