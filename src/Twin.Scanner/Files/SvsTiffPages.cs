using BitMiracle.LibTiff.Classic;

namespace Twin.Scanner.Files;

/// <summary>Writes the pages (TIFF directories) of an SVS file through LibTiff.NET.</summary>
internal static class SvsTiffPages
{
    /// <summary>NewSubfileType of the label image (reduced-resolution image).</summary>
    public const int LabelSubfileType = 1;

    /// <summary>
    /// NewSubfileType of the macro image (reduced image, bit 3 as Aperio sets it).
    /// </summary>
    public const int MacroSubfileType = 9;

    /// <summary>
    /// Sets the tags of an 8-bit RGB page stored as JPEG with YCbCr 4:2:0 (photometric YCbCr,
    /// subsampling 2,2, RGB handed to the codec); tiled when <paramref name="tileSize"/> &gt; 0,
    /// else one strip.
    /// </summary>
    public static void SetJpegTags(
        Tiff tif, int width, int height, int tileSize, int quality, int subsampling = 2)
    {
        SetRgbTags(tif, width, height, tileSize);
        tif.SetField(TiffTag.COMPRESSION, Compression.JPEG);
        tif.SetField(TiffTag.PHOTOMETRIC, Photometric.YCBCR);
        tif.SetField(TiffTag.YCBCRSUBSAMPLING, subsampling, subsampling);
        tif.SetField(TiffTag.JPEGQUALITY, quality);
        tif.SetField(TiffTag.JPEGCOLORMODE, JpegColorMode.RGB);
    }

    /// <summary>Writes one pyramid level from its encoded tiles, in tile order.</summary>
    public static void WriteTiledLevel(
        Tiff tif, string path, JpegTileStore store, int quality, string description)
    {
        var level = store.Level;
        SetJpegTags(tif, level.Width, level.Height, level.TileSize, quality, store.Subsampling);
        tif.SetField(TiffTag.IMAGEDESCRIPTION, description);
        store.CopyTo(tif, path);
        Finish(tif, path, $"write level {level.Index}");
    }

    /// <summary>Writes a stripped JPEG page (thumbnail, macro).</summary>
    public static void WriteStrippedJpeg(
        Tiff tif, string path, int width, int height, byte[] rgb, int quality,
        string description, int subfileType)
    {
        SetJpegTags(tif, width, height, 0, quality);
        WriteStrips(tif, path, rgb, description, subfileType);
    }

    /// <summary>
    /// Writes a stripped, LZW-compressed RGB page (label: sharp text and barcodes).
    /// </summary>
    public static void WriteStrippedLzw(
        Tiff tif, string path, int width, int height, byte[] rgb, string description,
        int subfileType)
    {
        SetRgbTags(tif, width, height, 0);
        tif.SetField(TiffTag.COMPRESSION, Compression.LZW);
        tif.SetField(TiffTag.PHOTOMETRIC, Photometric.RGB);
        tif.SetField(TiffTag.PREDICTOR, Predictor.HORIZONTAL);
        WriteStrips(tif, path, rgb, description, subfileType);
    }

    private static void SetRgbTags(Tiff tif, int width, int height, int tileSize)
    {
        tif.SetField(TiffTag.IMAGEWIDTH, width);
        tif.SetField(TiffTag.IMAGELENGTH, height);
        if (tileSize > 0)
        {
            tif.SetField(TiffTag.TILEWIDTH, tileSize);
            tif.SetField(TiffTag.TILELENGTH, tileSize);
        }
        else
        {
            tif.SetField(TiffTag.ROWSPERSTRIP, height);
        }

        tif.SetField(TiffTag.BITSPERSAMPLE, 8);
        tif.SetField(TiffTag.SAMPLESPERPIXEL, 3);
        tif.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
    }

    private static void WriteStrips(
        Tiff tif, string path, byte[] rgb, string description, int subfileType)
    {
        if (subfileType != 0)
        {
            tif.SetField(TiffTag.SUBFILETYPE, subfileType);
        }

        tif.SetField(TiffTag.IMAGEDESCRIPTION, description);

        // the predictor works in place, so LibTiff gets a copy
        var copy = (byte[])rgb.Clone();
        if (tif.WriteEncodedStrip(0, copy, copy.Length) < 0)
        {
            throw LibTiffLog.Failure(path, "write a stripped page");
        }

        Finish(tif, path, "write a stripped page");
    }

    private static void Finish(Tiff tif, string path, string doing)
    {
        if (!tif.WriteDirectory())
        {
            throw LibTiffLog.Failure(path, doing);
        }

        LibTiffLog.ThrowIfAny(path, doing);
    }
}
