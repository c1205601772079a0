namespace Twin.Scanner.Files;

/// <summary>Pixel operations on square interleaved-RGB tile buffers.</summary>
internal static class TileOps
{
    /// <summary>Background for pixels outside the image: white, as on an empty slide.</summary>
    public const byte Background = 255;

    /// <summary>
    /// Copies the <paramref name="validWidth"/> × <paramref name="validHeight"/> pixels at the top
    /// left of <paramref name="source"/> (a full tile) and fills the rest with white.
    /// </summary>
    public static void CopyPadded(
        ReadOnlySpan<byte> source, Span<byte> tile, int tileSize, int validWidth, int validHeight)
    {
        int stride = tileSize * 3;
        if (validWidth == tileSize && validHeight == tileSize)
        {
            source[..(stride * tileSize)].CopyTo(tile);
            return;
        }

        int validBytes = validWidth * 3;
        for (int y = 0; y < validHeight; y++)
        {
            var row = tile.Slice(y * stride, stride);
            source.Slice(y * stride, validBytes).CopyTo(row);
            row[validBytes..].Fill(Background);
        }

        tile[(validHeight * stride)..(tileSize * stride)].Fill(Background);
    }

    /// <summary>Fills the tile's pixels outside the top-left valid rectangle with white.</summary>
    public static void PadOutside(Span<byte> tile, int tileSize, int validWidth, int validHeight)
    {
        int stride = tileSize * 3;
        if (validWidth < tileSize)
        {
            for (int y = 0; y < validHeight; y++)
            {
                tile.Slice(y * stride + validWidth * 3, (tileSize - validWidth) * 3)
                    .Fill(Background);
            }
        }

        tile[(validHeight * stride)..(tileSize * stride)].Fill(Background);
    }

    /// <summary>
    /// Box-averages <paramref name="source"/> (a full tile) by 4 in each direction and writes
    /// the (tileSize/4)² result into <paramref name="target"/> (a tile of the same size) with its
    /// top-left corner at pixel (<paramref name="targetX"/>, <paramref name="targetY"/>).
    /// Each output is the rounded mean of 16 inputs: (sum + 8) / 16.
    /// </summary>
    public static void Downsample4(
        ReadOnlySpan<byte> source, Span<byte> target, int tileSize, int targetX, int targetY)
    {
        int stride = tileSize * 3;
        int quarter = tileSize / 4;
        for (int by = 0; by < quarter; by++)
        {
            var r0 = source.Slice(4 * by * stride, stride);
            var r1 = source.Slice((4 * by + 1) * stride, stride);
            var r2 = source.Slice((4 * by + 2) * stride, stride);
            var r3 = source.Slice((4 * by + 3) * stride, stride);
            var outRow = target.Slice((targetY + by) * stride + targetX * 3, quarter * 3);
            for (int bx = 0; bx < quarter; bx++)
            {
                int s = bx * 12;
                for (int c = 0; c < 3; c++)
                {
                    int i = s + c;
                    int sum = r0[i] + r0[i + 3] + r0[i + 6] + r0[i + 9]
                        + r1[i] + r1[i + 3] + r1[i + 6] + r1[i + 9]
                        + r2[i] + r2[i + 3] + r2[i + 6] + r2[i + 9]
                        + r3[i] + r3[i + 3] + r3[i + 6] + r3[i + 9];
                    outRow[bx * 3 + c] = (byte)((sum + 8) >> 4);
                }
            }
        }
    }
}
