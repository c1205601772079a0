using System.CommandLine;
using Twin.Scenarios.Loading;
using Twin.Scenarios.Running;

namespace Twin.Scenarios.Cli;

/// <summary><c>gt450twin validate SCENARIO</c>: checks a scenario and prints every error.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario YAML file" };
        var command = new Command("validate", "Check a scenario and its settings; print every error")
        {
            scenarioArg,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(scenarioArg)!;
            try
            {
                var scenario = ScenarioReader.Load(path);
                ScanRunner.Preflight(scenario);
                int slides = scenario.Racks.Sum(r => r.Slides.Count);
                foreach (var slide in scenario.Racks.SelectMany(r => r.Slides))
                {
                    if (SlideFactory.Create(slide, scenario.Seed, out string? skip) is null)
                    {
                        Console.Error.WriteLine(
                            $"warning: {path}:{slide.Line}: slide '{slide.Id}' will be skipped: "
                            + skip);
                    }
                }

                Console.WriteLine($"{path}: valid ({scenario.Racks.Count} racks, {slides} slides)");
                return ExitCodes.Ok;
            }
            catch (ScenarioException e)
            {
                foreach (var error in e.Errors)
                {
                    Console.Error.WriteLine("error: " + error);
                }

                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
