using NUnit.Framework;
using Twin.Scenarios.Reports;

namespace Twin.Tests.Reports;

/// <summary>The atomic writer: a failed write leaves no temporary file and no half file.</summary>
[TestFixture]
public sealed class ReportWriterTests
{
    [Test]
    public void WriteAtomic_TargetIsAFolder_ThrowsNamingThePathAndLeavesNoTemporaryFile()
    {
        string dir = RepoPaths.NewOutputFolder("atomic-folder-target");
        string target = Path.Combine(dir, "report.json");
        Directory.CreateDirectory(target);
        var e = Assert.Throws<IOException>(() => ReportWriter.WriteAtomic(target, "{}\n"));
        Assert.That(e!.Message, Is.EqualTo($"cannot write {target}: it is a folder"));
        Assert.That(Directory.GetFileSystemEntries(dir).Select(Path.GetFileName),
            Is.EqualTo(new[] { "report.json" }), "the temporary file must be deleted");
    }

    [Test]
    public void WriteAtomic_Bytes_ReplacesTheFileWholeAndLeavesNoTemporaryFile()
    {
        string dir = RepoPaths.NewOutputFolder("atomic-bytes");
        string target = Path.Combine(dir, "plot.png");
        File.WriteAllText(target, "old");
        ReportWriter.WriteAtomic(target, [1, 2, 3]);
        Assert.That(File.ReadAllBytes(target), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(Directory.GetFiles(dir), Has.Length.EqualTo(1));
    }
}
