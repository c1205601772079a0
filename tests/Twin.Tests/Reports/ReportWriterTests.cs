using System.Diagnostics;
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

    [Test]
    public void WriteAtomic_SymbolicLink_ReplacesWhatItPointsToAndKeepsTheLink()
    {
        string dir = RepoPaths.NewOutputFolder("atomic-link");
        string real = Path.Combine(dir, "real.json");
        string link = Path.Combine(dir, "link.json");
        File.WriteAllText(real, "old");
        File.CreateSymbolicLink(link, real);
        ReportWriter.WriteAtomic(link, "new");
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(real), "still a link");
        Assert.That(File.ReadAllText(real), Is.EqualTo("new"));
        Assert.That(Directory.GetFileSystemEntries(dir), Has.Length.EqualTo(2));
    }

    [Test]
    public void WriteAtomic_NamedPipe_IsWrittenIntoNotReplaced()
    {
        // a pipe stands for /dev/null and /dev/stdout: renaming over it would destroy it
        string dir = RepoPaths.NewOutputFolder("atomic-fifo");
        string fifo = Path.Combine(dir, "figures.json");
        using (var mk = Process.Start("mkfifo", [fifo]))
        {
            mk.WaitForExit();
            if (mk.ExitCode != 0)
            {
                Assert.Ignore("mkfifo is not available");
            }
        }

        var reader = Task.Run(() => File.ReadAllText(fifo));
        ReportWriter.WriteAtomic(fifo, "[]\n");
        Assert.That(reader.Wait(TimeSpan.FromSeconds(10)), "the reader got the end of the data");
        Assert.That(reader.Result, Is.EqualTo("[]\n"));
        Assert.That(FileKind.IsSpecial(fifo), "still a pipe");
    }

    [Test]
    public void FileKind_DevNullIsSpecial_FilesAndFoldersAreNot()
    {
        string dir = RepoPaths.NewOutputFolder("file-kind");
        string file = Path.Combine(dir, "a.txt");
        File.WriteAllText(file, "a");
        Assert.That(FileKind.IsSpecial("/dev/null"), Is.EqualTo(OperatingSystem.IsLinux()));
        Assert.That(FileKind.IsSpecial(file), Is.False);
        Assert.That(FileKind.IsSpecial(dir), Is.False);
        Assert.That(FileKind.IsSpecial(Path.Combine(dir, "missing")), Is.False);
    }
}
