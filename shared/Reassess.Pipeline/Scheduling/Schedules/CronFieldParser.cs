using System.Globalization;

namespace Reassess.Pipeline.Scheduling.Schedules;

/// <summary>
/// Reads one NCRONTAB field as NCrontab (the library Azure Functions uses) does: <c>*</c>, values, <c>a-b</c> ranges,
/// <c>/n</c> steps on either (<c>5/15</c> means 5 to the end by 15), comma lists, and for months and days of the week
/// English names or any prefix of them, in any case (<c>Jan</c>, <c>MON</c>, <c>tues</c>). A reversed range is read
/// the other way round (<c>FRI-MON</c> = <c>MON-FRI</c>), as NCrontab does. Unlike NCrontab, a step of 0 is refused
/// instead of being read as 1.
/// </summary>
internal static class CronFieldParser
{
    public static CronValues Parse(CronField field, string text, string expression)
    {
        var values = default(CronValues);
        foreach (var item in text.Split(','))
        {
            if (item.Length == 0)
                throw Error($"field '{field.Name}' has an empty item in list '{text}'", expression);
            values = values.Union(ParseItem(field, item, expression));
        }

        return values;
    }

    private static CronValues ParseItem(CronField field, string item, string expression)
    {
        var body = item;
        int? step = null;
        var slash = item.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var stepText = item[(slash + 1)..];
            if (slash == 0 || !int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                throw Error($"field '{field.Name}' step '{item}' needs a value or range before '/' and a whole number of at least 1 after it", expression);
            step = n;
            body = item[..slash];
        }

        if (body == "*") return CronValues.Range(field.Min, field.Max, step ?? 1);

        var dash = body.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            var first = Value(field, body[..dash], expression);
            var last = Value(field, body[(dash + 1)..], expression);
            return CronValues.Range(Math.Min(first, last), Math.Max(first, last), step ?? 1);
        }

        var value = Value(field, body, expression);
        return step is { } every ? CronValues.Range(value, field.Max, every) : CronValues.Range(value, value, 1);
    }

    private static int Value(CronField field, string text, string expression)
    {
        if (text.Length > 0 && char.IsAsciiDigit(text[0]))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                throw Error($"field '{field.Name}' value '{text}' is not a number ({field.Range})", expression);
            if (number < field.Min || number > field.Max)
                throw Error($"field '{field.Name}' value '{text}' is outside {field.Range}" + (field == CronField.DayOfWeek ? " (Sunday is 0)" : ""), expression);
            return number;
        }

        if (field.Names is { } names && text.Length > 0)
        {
            for (var i = 0; i < names.Length; i++)
                if (names[i].StartsWith(text, StringComparison.OrdinalIgnoreCase))
                    return field.Min + i;
        }

        throw Error(field.Names is null
            ? $"field '{field.Name}' value '{text}' is not a number ({field.Range})"
            : $"field '{field.Name}' value '{text}' is neither a number ({field.Range}) nor an English name such as {field.Names[1][..3]} or {field.Names[1]}", expression);
    }

    private static ScheduleFormatException Error(string what, string expression) => new($"{what} in '{expression}'.");
}
