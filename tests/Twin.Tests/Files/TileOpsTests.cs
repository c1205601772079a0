using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Twin.Scanner.Files;

namespace Twin.Tests.Files;

/// <summary>Tile padding and the 4 × 4 box average, against plain per-pixel definitions.</summary>
[TestFixture]
public sealed class TileOpsTests
{
    private const int Size = 64;

    [FsCheck.NUnit.Property(MaxTest = 50)]
    public Property Downsample4_AnyTile_IsRoundedMeanOf16()
    {
        var seeds = Gen.Choose(0, int.MaxValue).ToArbitrary();
        return Prop.ForAll(seeds, seed =>
        {
            var source = new byte[Size * Size * 3];
            new Random(seed).NextBytes(source);
            var target = new byte[Size * Size * 3];
            TileOps.Downsample4(source, target, Size, 16, 32);
            for (int y = 0; y < Size / 4; y++)
            {
                for (int x = 0; x < Size / 4; x++)
                {
                    for (int c = 0; c < 3; c++)
                    {
                        int sum = 0;
                        for (int i = 0; i < 16; i++)
                        {
                            sum += source[((4 * y + i / 4) * Size + 4 * x + i % 4) * 3 + c];
                        }

                        if (target[((32 + y) * Size + 16 + x) * 3 + c] != (sum + 8) / 16)
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        });
    }

    [Test]
    public void CopyPadded_EdgeTile_KeepsInsideAndWhitensOutside()
    {
        var source = Enumerable.Repeat((byte)7, Size * Size * 3).ToArray();
        var tile = new byte[Size * Size * 3];
        TileOps.CopyPadded(source, tile, Size, 10, 20);
        for (int y = 0; y < Size; y++)
        {
            for (int x = 0; x < Size; x++)
            {
                byte expected = x < 10 && y < 20 ? (byte)7 : TileOps.Background;
                Assert.That(tile[(y * Size + x) * 3 + 1], Is.EqualTo(expected), $"({x}, {y})");
            }
        }
    }

    [Test]
    public void PadOutside_EdgeTile_WhitensOnlyOutside()
    {
        var tile = new byte[Size * Size * 3];
        TileOps.PadOutside(tile, Size, 33, 5);
        int white = tile.Count(b => b == TileOps.Background);
        Assert.That(white, Is.EqualTo((Size * Size - 33 * 5) * 3));
        Assert.That(tile[(4 * Size + 32) * 3], Is.Zero);
    }
}
