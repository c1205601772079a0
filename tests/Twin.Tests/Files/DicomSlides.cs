using Twin.Optics.Imaging;
using Twin.Scanner.Files.Dicom;

namespace Twin.Tests.Files;

/// <summary>Writes test images through a <see cref="DicomWsiWriter"/>.</summary>
internal static class DicomSlides
{
    /// <summary>
    /// Writes every tile of <paramref name="image"/> in an order shuffled by
    /// <paramref name="seed"/>, from several threads when <paramref name="parallel"/>.
    /// </summary>
    public static void WriteAll(DicomWsiWriter writer, RgbImage image, int seed, bool parallel)
    {
        var tiles = new (int Column, int Row)[writer.TileColumns * writer.TileRows];
        for (int i = 0; i < tiles.Length; i++)
        {
            tiles[i] = (i % writer.TileColumns, i / writer.TileColumns);
        }

        new Random(seed).Shuffle(tiles);
        int size = writer.Metadata.TileSize;
        if (parallel)
        {
            Parallel.ForEach(
                tiles,
                t => writer.WriteTile(
                    t.Column, t.Row, SyntheticSlide.Tile(image, size, t.Column, t.Row)));
            return;
        }

        foreach (var (column, row) in tiles)
        {
            writer.WriteTile(column, row, SyntheticSlide.Tile(image, size, column, row));
        }
    }
}
