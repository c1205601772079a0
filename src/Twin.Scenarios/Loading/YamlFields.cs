using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Twin.Scenarios.Loading;

/// <summary>
/// Reads typed fields out of one YAML mapping, recording an error (with the line) for every
/// unknown key, wrong type or out-of-range value instead of stopping at the first.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly List<ScenarioError> _errors;
    private readonly string _where;

    public YamlFields(YamlMappingNode node, string file, List<ScenarioError> errors, string where,
        params string[] known)
    {
        _node = node;
        _file = file;
        _errors = errors;
        _where = where;
        foreach (var key in node.Children.Keys)
        {
            string name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name))
            {
                Error(key, $"unknown key '{name}' in {where} (known: {string.Join(", ", known)})");
            }
        }
    }

    public int Line => LineOf(_node);

    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    public void Error(YamlNode node, string message) =>
        _errors.Add(new ScenarioError(_file, LineOf(node), message));

    public YamlNode? Node(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public string? String(string key, bool required = false)
    {
        var n = Node(key);
        if (n is null)
        {
            if (required)
            {
                _errors.Add(new ScenarioError(_file, Line, $"{_where} needs '{key}'"));
            }

            return null;
        }

        if (n is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value))
        {
            return s.Value;
        }

        Error(n, $"'{key}' must be a non-empty text value");
        return null;
    }

    public double? Number(string key, double min, double max, string unit)
    {
        var n = Node(key);
        if (n is null)
        {
            return null;
        }

        if (n is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s
            && double.TryParse(s.Value, NumberStyles.Float,
                CultureInfo.InvariantCulture, out double v) && double.IsFinite(v))
        {
            if (v < min || v > max)
            {
                Error(n, $"'{key}' = {s.Value} is outside {min.ToString(CultureInfo.InvariantCulture)}"
                    + $"..{max.ToString(CultureInfo.InvariantCulture)} {unit}".TrimEnd());
                return null;
            }

            return v;
        }

        Error(n, unit.Length > 0 ? $"'{key}' must be a number ({unit})"
            : $"'{key}' must be a number");
        return null;
    }

    public int? Integer(string key, int min, int max, string unit)
    {
        var n = Node(key);
        if (n is null)
        {
            return null;
        }

        if (n is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s
            && int.TryParse(s.Value, NumberStyles.Integer,
                CultureInfo.InvariantCulture, out int v))
        {
            if (v < min || v > max)
            {
                Error(n, $"'{key}' = {s.Value} is outside {min}..{max} {unit}".TrimEnd());
                return null;
            }

            return v;
        }

        Error(n, unit.Length > 0 ? $"'{key}' must be a whole number ({unit})"
            : $"'{key}' must be a whole number");
        return null;
    }

    public bool? Boolean(string key)
    {
        var n = Node(key);
        if (n is null)
        {
            return null;
        }

        if (n is YamlScalarNode s && bool.TryParse(s.Value, out bool v))
        {
            return v;
        }

        Error(n, $"'{key}' must be true or false");
        return null;
    }

    public YamlMappingNode? Mapping(string key)
    {
        var n = Node(key);
        if (n is null)
        {
            return null;
        }

        if (n is YamlMappingNode m)
        {
            return m;
        }

        Error(n, $"'{key}' must be a mapping of keys to values");
        return null;
    }

    public YamlSequenceNode? Sequence(string key, bool required = false)
    {
        var n = Node(key);
        if (n is null)
        {
            if (required)
            {
                _errors.Add(new ScenarioError(_file, Line, $"{_where} needs '{key}'"));
            }

            return null;
        }

        if (n is YamlSequenceNode q)
        {
            return q;
        }

        Error(n, $"'{key}' must be a list");
        return null;
    }
}
