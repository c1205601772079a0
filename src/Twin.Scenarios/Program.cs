using System.CommandLine;
using Twin.Scenarios.Cli;

namespace Twin.Scenarios;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (Twin.Scanner.Diagnostics.Unknown.Count > 0)
        {
            Console.Error.WriteLine("error: GT450TWIN_DEBUG names unknown areas: "
                + string.Join(", ", Twin.Scanner.Diagnostics.Unknown) + " (known: "
                + string.Join(", ", Twin.Scanner.Diagnostics.Areas) + ")");
            return ExitCodes.BadInput;
        }

        var root = new RootCommand(
            "GT450Twin: a physics-based digital twin of a line-scan whole-slide scanner")
        {
            ScanCommand.Create(),
            ValidateCommand.Create(),
            ThroughputCommand.Create(),
            BenchCommand.Create(),
            RenderCommand.Create(),
            SweepCommand.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine("error: " + error.Message);
            }

            Console.Error.WriteLine("Run 'gt450twin --help' for usage.");
            return ExitCodes.BadInput;
        }

        return parse.Invoke();
    }
}
