using System.Globalization;
using NCrontab;

namespace Reassess.Host.Scheduling.Schedules;

/// <summary>
/// Refuses one NCRONTAB field that NCrontab would refuse, walking it as NCrontab does (comma list, a step after the
/// first <c>/</c>, then <c>*</c>, a range at the first <c>-</c> past the start, or one value), so the message names the
/// field and the value at fault and says what is allowed: NCrontab's own message often names only the whole field,
/// and for a number too big for an int it throws an OverflowException instead. Whether a single value is allowed is
/// asked of NCrontab. One rule is stricter than NCrontab's: a step must be a whole number of at least 1, where
/// NCrontab reads <c>*/0</c> or <c>*/-5</c> as every value.
/// </summary>
internal static class NCrontabFieldCheck
{
    /// <exception cref="ScheduleFormatException">The field and the value at fault, in <paramref name="expression"/>.</exception>
    public static void Check(NCrontabField field, string text, string expression)
    {
        foreach (var item in text.Split(','))
        {
            if (item.Length == 0)
                throw Error($"field '{field.Name}' has an empty item in list '{text}'", expression);
            CheckItem(field, item, expression);
        }
    }

    private static void CheckItem(NCrontabField field, string item, string expression)
    {
        var body = item;
        var slash = item.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (slash == 0 || !int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1)
                throw Error($"field '{field.Name}' step '{item}' needs a value or range before '/' and a whole number of at least 1 after it", expression);
            body = item[..slash];
        }

        if (body == "*") return;

        var dash = body.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            CheckValue(field, body[..dash], expression);
            CheckValue(field, body[(dash + 1)..], expression);
        }
        else
        {
            CheckValue(field, body, expression);
        }
    }

    private static void CheckValue(NCrontabField field, string text, string expression)
    {
        if (text.Length > 0 && char.IsAsciiDigit(text[0]))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                throw Error($"field '{field.Name}' value '{text}' is not a number ({field.Range})", expression);
            if (!IsAllowed(field, text))
                throw Error($"field '{field.Name}' value '{text}' is outside {field.Range}{field.RangeNote}", expression);
            return;
        }

        if (field.NameExample is not { } example)
            throw Error($"field '{field.Name}' value '{text}' is not a number ({field.Range})", expression);

        // Letters only, so NCrontab reads the text as one name (any prefix of one, in any case), never as a list or range.
        if (text.Length == 0 || !text.All(char.IsAsciiLetter) || !IsAllowed(field, text))
            throw Error($"field '{field.Name}' value '{text}' is neither a number ({field.Range}) nor an English name such as {example[..3]} or {example}", expression);
    }

    /// <summary>A single value (digits or letters only), so NCrontab's field parser judges it as a value.</summary>
    private static bool IsAllowed(NCrontabField field, string value) => CrontabField.TryParse(field.Kind, value) is not null;

    private static ScheduleFormatException Error(string what, string expression) => new($"{what} in '{expression}'.");
}
