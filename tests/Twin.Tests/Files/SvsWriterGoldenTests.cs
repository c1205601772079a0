using System.Security.Cryptography;
using NUnit.Framework;
using Twin.Scanner.Files;

namespace Twin.Tests.Files;

/// <summary>
/// Single-plane files must stay byte for byte what the writer produced before focal planes
/// were added: the hashes below were taken from that writer and are never regenerated to make
/// a failing test pass (a deliberate format change must say so in its commit).
/// </summary>
[TestFixture]
public sealed class SvsWriterGoldenTests
{
    private static readonly SvsMetadata Metadata = new()
    {
        AppMag = 40,
        MicronsPerPixel = 0.2627,
        ScannerId = "SS45001",
        AcquiredAt = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc),
        FocusOffsetUm = 0.5,
        Filename = "golden",
        ImageId = "777",
        ExtraFields = [new("Rack", "2")],
    };

    [TestCase(
        1300, 1100, 256, 0, "0c3ebbaaf71cde68406f9024b769de9f92a0997dff6199fa0c5899a5950297fc")]
    [TestCase(
        700, 1300, 240, 8, "85baed544d22ea9e45e231281750820a58cec28c7da6be1cedd3695a92e66448")]
    public void Commit_SinglePlane_BytesUnchangedSinceBeforeFocalPlanes(
        int width, int height, int tileSize, int noise, string sha256)
    {
        string folder = Path.Combine(
            TestContext.CurrentContext.WorkDirectory, "Files", nameof(SvsWriterGoldenTests));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"golden-{width}x{height}.svs");
        var image = SyntheticSlide.Create(width, height, noise);
        SyntheticSlide.Write(path, image, Metadata with { TileSize = tileSize }, seed: 4);
        string actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        Assert.That(actual, Is.EqualTo(sha256));
    }
}
