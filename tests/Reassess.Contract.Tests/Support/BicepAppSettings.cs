using System.Text.RegularExpressions;

namespace Reassess.Contract.Tests.Support;

/// <summary>One app setting as a Bicep file sets it: its name, the value expression (rest of its line) and where.</summary>
public sealed record BicepSetting(string Name, string Value, string File, int Line)
{
    /// <summary>
    /// The literal a value falls back to when no parameter overrides it (<c>… ?? 'x'</c>), which is the code's default
    /// written again; null for any other value (a plain literal is a deliberate Azure value, not a default).
    /// </summary>
    public string? LiteralDefault
    {
        get
        {
            var match = Regex.Match(Value.Trim(), @"\?\?\s*'(?<v>[^'$]*)'$");
            return match.Success ? match.Groups["v"].Value : null;
        }
    }

    public bool IsKeyVaultReference(string secretName) =>
        Value.Contains("@Microsoft.KeyVault(SecretUri=", StringComparison.Ordinal)
        && Value.Contains($"secrets/{secretName}/", StringComparison.Ordinal);
}

/// <summary>
/// Reads the app settings a set of Bicep files gives a Function App: the top-level keys of every
/// <c>Microsoft.Web/sites/config</c> resource named <c>appsettings</c>, and every <c>name:</c> in a
/// <c>siteConfig.appSettings</c> array. Strings and comments are masked first, so braces inside them do not count.
/// </summary>
public static class BicepAppSettings
{
    private static readonly Regex ConfigResource = new(
        @"\bresource\s+\w+\s+'Microsoft\.Web/sites/config@[^']+'\s*=\s*(?:if\s*\(.*?\)\s*)?\{", RegexOptions.Compiled);

    private static readonly Regex SettingsArray = new(@"\bappSettings\s*:\s*\[", RegexOptions.Compiled);

    private static readonly Regex Key = new(@"^\s*(?:'(?<name>[^']+)'|(?<name>[A-Za-z_][A-Za-z0-9_]*))\s*:\s*(?<value>.*)$", RegexOptions.Compiled);

    public static IReadOnlyList<BicepSetting> Read(IEnumerable<SourceFile> files) => files.SelectMany(Read).ToList();

    public static IReadOnlyList<BicepSetting> Read(SourceFile file)
    {
        var text = file.Text;
        var code = Mask(text);
        var settings = new List<BicepSetting>();

        foreach (Match resource in ConfigResource.Matches(text))
        {
            if (code[resource.Index] != text[resource.Index]) continue; // inside a string or comment
            var open = resource.Index + resource.Length - 1;
            var close = Matching(code, open);
            var body = (Start: open + 1, End: close);
            if (!TopLevel(code, text, body).Any(l => Regex.IsMatch(l.Text, @"^\s*name\s*:\s*'appsettings'\s*$"))) continue;

            var properties = TopLevel(code, text, body).FirstOrDefault(l => Regex.IsMatch(l.Text, @"^\s*properties\s*:\s*\{\s*$"));
            if (properties.Text is null) continue;
            var propertiesOpen = code.IndexOf('{', properties.Start);
            var inner = (Start: propertiesOpen + 1, End: Matching(code, propertiesOpen));
            foreach (var line in TopLevel(code, text, inner))
            {
                var key = Key.Match(line.Text);
                if (key.Success)
                    settings.Add(new BicepSetting(key.Groups["name"].Value, StripComment(code, line, key.Groups["value"]), file.Path, LineOf(text, line.Start)));
            }
        }

        foreach (Match array in SettingsArray.Matches(text))
        {
            if (code[array.Index] != text[array.Index]) continue;
            var open = array.Index + array.Length - 1;
            var close = Matching(code, open);
            var slice = text[(open + 1)..close];
            foreach (Match name in Regex.Matches(slice, @"\bname\s*:\s*'(?<name>[^']+)'"))
                settings.Add(new BicepSetting(name.Groups["name"].Value, "", file.Path, LineOf(text, open + 1 + name.Index)));
        }

        return settings;
    }

    /// <summary>The text with every string's content and every comment replaced by spaces (newlines kept).</summary>
    public static string Mask(string text)
    {
        var masked = text.ToCharArray();
        var stack = new Stack<(char Mode, int Depth)>(); // 's' string, 'i' interpolation, 'm' multi-line string
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (stack.Count == 0)
            {
                if (c == '/' && next == '/')
                {
                    while (i < text.Length && text[i] != '\n') masked[i++] = ' ';
                    i--;
                }
                else if (c == '/' && next == '*')
                {
                    var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    end = end < 0 ? text.Length : end + 2;
                    for (; i < end; i++) if (text[i] != '\n') masked[i] = ' ';
                    i--;
                }
                else if (c == '\'' && text.AsSpan(i).StartsWith("'''"))
                {
                    var end = text.IndexOf("'''", i + 3, StringComparison.Ordinal);
                    end = end < 0 ? text.Length : end + 3;
                    for (var j = i + 3; j < end - 3; j++) if (text[j] != '\n') masked[j] = ' ';
                    i = end - 1;
                }
                else if (c == '\'')
                {
                    stack.Push(('s', 0));
                }

                continue;
            }

            var (mode, depth) = stack.Peek();
            if (mode == 's')
            {
                if (c == '\\') { masked[i] = ' '; if (i + 1 < text.Length) masked[++i] = ' '; continue; }
                if (c == '\'') { stack.Pop(); if (stack.Count > 0) masked[i] = ' '; continue; }
                if (c == '$' && next == '{') { masked[i] = ' '; masked[++i] = ' '; stack.Push(('i', 1)); continue; }
                if (c != '\n') masked[i] = ' ';
            }
            else
            {
                if (c != '\n') masked[i] = ' ';
                if (c == '{') { stack.Pop(); stack.Push(('i', depth + 1)); }
                else if (c == '}')
                {
                    stack.Pop();
                    if (depth > 1) stack.Push(('i', depth - 1));
                }
                else if (c == '\'') stack.Push(('s', 0));
            }
        }

        return new string(masked);
    }

    /// <summary>Index of the bracket closing the one at <paramref name="open"/>, in masked text.</summary>
    private static int Matching(string code, int open)
    {
        var depth = 0;
        for (var i = open; i < code.Length; i++)
        {
            if (code[i] is '{' or '[' or '(') depth++;
            else if (code[i] is '}' or ']' or ')' && --depth == 0) return i;
        }

        throw new FormatException($"unbalanced bracket at offset {open}");
    }

    /// <summary>The lines of <paramref name="range"/> that start at its top level (nested objects and arrays skipped).</summary>
    private static IEnumerable<(int Start, string Text)> TopLevel(string code, string text, (int Start, int End) range)
    {
        var depth = 0;
        var lineStart = range.Start;
        for (var i = range.Start; i <= range.End; i++)
        {
            if (i == range.End || text[i] == '\n')
            {
                if (depth == 0 && i > lineStart) yield return (lineStart, text[lineStart..i].TrimEnd('\r'));
                for (var j = lineStart; j < i; j++)
                {
                    if (code[j] is '{' or '[' or '(') depth++;
                    else if (code[j] is '}' or ']' or ')') depth--;
                }

                lineStart = i + 1;
            }
        }
    }

    /// <summary>The value with a trailing comment cut off (comments are blank in the masked text; string quotes are kept).</summary>
    private static string StripComment(string code, (int Start, string Text) line, Group value)
    {
        var start = line.Start + value.Index;
        var codeLength = code.Substring(start, value.Length).TrimEnd().Length;
        return value.Value[..codeLength].TrimEnd();
    }

    private static int LineOf(string text, int offset) => 1 + text.AsSpan(0, offset).Count('\n');
}
