using NUnit.Framework;
using Twin.Scanner.Algorithms;
using Twin.Scanner.Settings;
using Twin.Scenarios.Loading;
using Twin.Scenarios.Sweeps;

namespace Twin.Tests.Sweeps;

/// <summary>Sweep files: the shipped one as documented; bad ones name file, line, rule.</summary>
[TestFixture]
public sealed class SweepReaderTests
{
    private static string Error(string yaml)
    {
        var e = Assert.Throws<ScenarioException>(() => SweepReader.Parse(yaml, "s.yaml"))!;
        return e.Errors[0].ToString();
    }

    [Test]
    public void Load_ShippedSweep_HasTheDocumentedPopulationAndAlgorithms()
    {
        var spec = SweepReader.Load(Path.Combine(RepoPaths.Scenarios, "ans-threshold-sweep.yaml"));
        Assert.That(spec.Slides, Is.EqualTo(50));
        Assert.That(spec.ThresholdsDeg, Has.Count.EqualTo(20));
        Assert.That(spec.ThresholdsDeg[0], Is.EqualTo(0.02));
        Assert.That(spec.ThresholdsDeg[^1], Is.EqualTo(0.4));
        Assert.That(spec.Magnification, Is.EqualTo(Magnification.Forty));
        Assert.That(spec.FocusAlgorithms[0], Is.EqualTo(AlgorithmRegistry.DefaultFocusController));
        Assert.That(spec.AnsAlgorithms, Is.EqualTo(AlgorithmRegistry.AnsCheckNames));
        Assert.That(spec.TrayIndexTiltDeg.Kind, Is.EqualTo(DistributionKind.Normal));
        Assert.That(spec.TrayIndexTiltDeg.Min, Is.EqualTo(-1));
    }

    [Test]
    public void Parse_ThresholdList_IsSortedAscending()
    {
        var spec = SweepReader.Parse("name: x\nthresholdsDeg: [0.3, 0.1, 0.2]\n", "s.yaml");
        Assert.That(spec.ThresholdsDeg, Is.EqualTo(new[] { 0.1, 0.2, 0.3 }));
    }

    [TestCase("name: x\nthresholdsDeg: [0.1]\nslidez: 3\n",
        "s.yaml:3: unknown key 'slidez' in sweep (known: name, seed, slides, scan, tissue, pose, "
        + "thresholdsDeg, algorithms)")]
    [TestCase("name: x\nslides: 3\n", "s.yaml:1: sweep needs 'thresholdsDeg'")]
    [TestCase("name: x\nthresholdsDeg: [0.1, 0.1]\n", "s.yaml:2: threshold 0.1 is listed twice")]
    [TestCase("name: x\nthresholdsDeg: [0.1, 9]\n",
        "s.yaml:2: every threshold must be within 0.001..5 degrees")]
    [TestCase("name: x\nthresholdsDeg: { from: 0.1, to: 0.05, step: 0.01 }\n",
        "s.yaml:2: 'thresholdsDeg' needs step > 0 and to >= from")]
    [TestCase("name: x\nthresholdsDeg: [0.1]\npose:\n  trayIndexTiltDeg: { normal: [0, -1] }\n",
        "s.yaml:4: 'trayIndexTiltDeg' normal sd -1 must be 0 to 2 degrees")]
    [TestCase("name: x\nthresholdsDeg: [0.1]\npose:\n  trayIndexTiltDeg: { uniform: [0.5, 0.1] }\n",
        "s.yaml:4: 'trayIndexTiltDeg' uniform low 0.5 is above high 0.1")]
    [TestCase("name: x\nthresholdsDeg: [0.1]\npose:\n  wedgeIndexDeg: { uniform: [0, 0.9] }\n",
        "s.yaml:4: 'wedgeIndexDeg' uniform [0, 0.9] is outside -0.5..0.5 degrees")]
    [TestCase("name: x\nthresholdsDeg: [0.1]\npose:\n  offsetUm: { gauss: [0, 1] }\n",
        "s.yaml:4: 'offsetUm' must be a number, { uniform: [low, high] } or "
        + "{ normal: [mean, sd] } (µm)")]
    [TestCase("name: x\nthresholdsDeg: [0.1]\ntissue:\n  kinds: [dense-tumour, bone]\n",
        "s.yaml:4: unknown tissue 'bone' in a sweep (known: dense-tumour, loose-stroma, "
        + "fatty-breast, cytology-smear, skin)")]
    [TestCase("name: x\nthresholdsDeg: [0.1]\nalgorithms:\n  ans: [neighbour-stripes, magic]\n",
        "s.yaml:4: unknown ANS check 'magic' (known: neighbour-stripes, paired-median)")]
    [TestCase("name: x\nthresholdsDeg: [0.1]\nscan:\n  narrowStripePixels: 1000\n",
        "s.yaml:4: 'narrowStripePixels' = 1000 must be a multiple of the 256-pixel tile")]
    [TestCase("name: x\nthresholdsDeg: [0.1]\nscan:\n  magnification: 60x\n",
        "s.yaml:4: magnification '60x' must be 40x or 20x")]
    [TestCase("name: x\nthresholdsDeg: [0.1]\nslides: 0\n",
        "s.yaml:3: 'slides' = 0 is outside 1..10000 slides")]
    [TestCase("name: x\nthresholdsDeg: [0.1\n", "s.yaml:3: not valid YAML")]
    public void Parse_BadSweep_NamesFileLineAndRule(string yaml, string expected)
    {
        Assert.That(Error(yaml), Does.StartWith(expected));
    }

    [Test]
    public void Parse_SeveralMistakes_ReportsEveryOneInLineOrder()
    {
        var e = Assert.Throws<ScenarioException>(() => SweepReader.Parse(
            "name: x\nslides: -1\nthresholdsDeg: [0.1]\npose: { offsetUm: 99 }\n", "s.yaml"))!;
        Assert.That(e.Errors.Select(x => x.Line), Is.EqualTo(new[] { 2, 4 }));
    }

    [Test]
    public void Load_MissingFile_SaysFileNotFound()
    {
        var e = Assert.Throws<ScenarioException>(() => SweepReader.Load("no-such-sweep.yaml"))!;
        Assert.That(e.Errors[0].ToString(), Is.EqualTo("no-such-sweep.yaml: file not found"));
    }
}
