using Twin.Optics.Psf;
using Twin.Optics.Rendering;
using Twin.Optics.Tissue;

namespace Twin.Scanner.Files;

/// <summary>
/// Makes a <see cref="TileRenderer"/> that images a tissue volume as the scanner would at
/// 40x or 20x, in focus, for <see cref="FileSizePredictor"/>: each tile through the optics'
/// <see cref="ImageFormer"/> with the focal plane at the section's mid-depth, sensor noise
/// seeded by the tile's position.
/// </summary>
// LIMITATION: tiles are rendered in perfect focus; a scan's residual defocus compresses better.
public static class TissueTileRenderer
{
    /// <summary>
    /// A renderer of <paramref name="volume"/>, whose tissue frame starts
    /// (<paramref name="originXUm"/>, <paramref name="originYUm"/>) µm from the scanned area's
    /// top-left corner (negative when the area begins before the tissue).
    /// </summary>
    public static TileRenderer Create(
        ITissueVolume volume, SensorModel sensor, double originXUm, double originYUm,
        ulong seed, int tileSize = 256)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(sensor);
        SvsGuard.InRange(tileSize, 16, 2048, "tileSize", " px", nameof(tileSize));
        var forty = new ImageFormer(volume, ObjectiveModel.Forty, sensor);
        var twenty = new ImageFormer(volume, ObjectiveModel.Twenty, sensor);
        double focusUm = 0.5 * volume.ThicknessUm;
        return (appMag, xUm, yUm, rgb) =>
        {
            var former = appMag switch
            {
                40 => forty,
                20 => twenty,
                _ => throw new ArgumentOutOfRangeException(
                    nameof(appMag), $"appMag = {appMag} is out of range; allowed 20 or 40"),
            };
            ulong noise = seed ^ ((ulong)BitConverter.DoubleToInt64Bits(xUm) * 0x9E3779B1UL)
                ^ ((ulong)BitConverter.DoubleToInt64Bits(yUm) << 17) ^ (ulong)appMag;
            former.RenderTile(
                xUm - originXUm, yUm - originYUm, tileSize, tileSize, focusUm, noise, rgb);
        };
    }
}
