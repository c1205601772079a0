using System.ComponentModel;
using System.Diagnostics;
using NUnit.Framework;

namespace Twin.Tests.Files;

/// <summary>
/// Runs a reader program and captures its output. A missing program fails the test with the
/// Debian package to install; it never passes silently.
/// </summary>
internal static class ExternalTool
{
    /// <summary>What a finished program printed.</summary>
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>
    /// Runs <paramref name="program"/> (found on PATH) with <paramref name="args"/>, waiting at
    /// most 60 s.
    /// </summary>
    public static Result Run(string program, string debianPackage, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start)
                ?? throw new Win32Exception($"{program} did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail(
                $"'{program}' could not be run ({e.Message}); "
                    + $"install the Debian package {debianPackage}");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"'{program}' did not finish within 60 s");
            }

            return new Result(process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    /// <summary>
    /// The Python that has the OpenSlide binding: $TWIN_PYTHON if set, else Debian's system
    /// interpreter (python3-openslide installs there), else python3 on PATH.
    /// </summary>
    public static string Python()
    {
        string? configured = Environment.GetEnvironmentVariable("TWIN_PYTHON");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        string system = Path.Combine(Path.DirectorySeparatorChar + "usr", "bin", "python3");
        return File.Exists(system) ? system : "python3";
    }
}
