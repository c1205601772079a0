using Twin.Mechanics.Geometry;
using Twin.Optics.Imaging;
using Twin.Optics.Tissue;

namespace Twin.Scanner.Slides;

/// <summary>
/// The macro camera: a low-resolution picture of the whole slide (label end included) taken before
/// scanning, which tissue finding works on.
/// </summary>
public static class MacroImager
{
    /// <summary>
    /// Macro pixel size, µm. Default 40: a whole 75 mm slide in under 2000 pixels, typical of
    /// scanner overview cameras (estimate).
    /// </summary>
    public const double PixelUm = 40;

    /// <summary>Length of the label area at the slide's left end, µm (standard slides ~20 mm).</summary>
    public const double LabelLengthUm = 20_000;

    /// <summary>Renders the macro image of a slide.</summary>
    public static RgbImage Capture(SlideSpec slide, double glassLevel = 242)
    {
        int w = (int)(SlidePose.SlideLengthUm / PixelUm);
        int h = (int)(SlidePose.SlideWidthUm / PixelUm);
        var image = new RgbImage(w, h);
        image.Fill((byte)glassLevel, (byte)glassLevel, (byte)glassLevel);
        DrawLabel(image, slide.Id);
        ITissueVolume tissue = slide.Tissue;
        int x0 = (int)Math.Floor(slide.TissueOriginXUm / PixelUm);
        int y0 = (int)Math.Floor(slide.TissueOriginYUm / PixelUm);
        int x1 = (int)Math.Ceiling((slide.TissueOriginXUm + tissue.WidthUm) / PixelUm);
        int y1 = (int)Math.Ceiling((slide.TissueOriginYUm + tissue.HeightUm) / PixelUm);
        for (int py = Math.Max(0, y0); py < Math.Min(h, y1); py++)
        {
            for (int px = Math.Max(0, x0); px < Math.Min(w, x1); px++)
            {
                double tx = ((px + 0.5) * PixelUm) - slide.TissueOriginXUm;
                double ty = ((py + 0.5) * PixelUm) - slide.TissueOriginYUm;
                var (r, g, b) = tissue.SampleCoarse(tx, ty, PixelUm);
                int p = ((py * w) + px) * 3;
                image.Pixels[p] = Level(r, glassLevel);
                image.Pixels[p + 1] = Level(g, glassLevel);
                image.Pixels[p + 2] = Level(b, glassLevel);
            }
        }

        return image;
    }

    /// <summary>Crops the label area out of a macro image (what the label camera shows).</summary>
    public static RgbImage Label(RgbImage macro)
    {
        int w = Math.Min(macro.Width, (int)(LabelLengthUm / PixelUm));
        var label = new RgbImage(w, macro.Height);
        for (int y = 0; y < macro.Height; y++)
        {
            Array.Copy(macro.Pixels, y * macro.Width * 3, label.Pixels, y * w * 3, w * 3);
        }

        return label;
    }

    private static byte Level(float od, double glass) =>
        (byte)Math.Clamp(Math.Round(glass * Math.Pow(10, -od)), 0, 255);

    private static void DrawLabel(RgbImage image, string id)
    {
        // a white paper label with a bar pattern derived from the slide id (a stand-in barcode)
        int w = (int)(LabelLengthUm / PixelUm);
        uint hash = 2166136261;
        foreach (char c in id)
        {
            hash = (hash ^ c) * 16777619;
        }

        for (int y = 20; y < image.Height - 20; y++)
        {
            for (int x = 20; x < w - 20; x++)
            {
                bool bar = y > image.Height / 3 && y < image.Height * 2 / 3
                    && ((hash >> ((x / 12) % 32)) & 1) == 1 && (x / 6) % 2 == 0;
                byte v = bar ? (byte)30 : (byte)250;
                int p = ((y * image.Width) + x) * 3;
                image.Pixels[p] = v;
                image.Pixels[p + 1] = v;
                image.Pixels[p + 2] = v;
            }
        }
    }
}
