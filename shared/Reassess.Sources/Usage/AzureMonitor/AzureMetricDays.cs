using System.Globalization;
using System.Xml;
using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Sources.Formats;
using Reassess.Sources.Formats.Json;

namespace Reassess.Sources.Usage.AzureMonitor;

/// <summary>
/// Gathers the data points of one or more Azure Monitor "Metrics - List" answers into days per resource and
/// deployment, then into rows: requests → calls, prompt tokens → input, generated tokens → output, time to response →
/// mean latency. Dimension names come back lower case (<c>modeldeploymentname</c>) and are matched without regard to
/// case. A point whose bucket crosses midnight UTC (a timespan not starting at 00:00) cannot be given to one day and is
/// left out, said once per metric with how much was left.
/// </summary>
public sealed class AzureMetricDays
{
    private const string DeploymentDimension = "modeldeploymentname";
    private const string ModelDimension = "modelname";

    /// <summary>
    /// The most one bucket may count (a trillion: a deployment at a million tokens a second for a day counts under a
    /// tenth of it). Bounding each figure keeps the sums within decimal, and a day's total within a long for any answer
    /// short of millions of buckets on one day.
    /// </summary>
    private const decimal MaxPerBucket = 1_000_000_000_000m;

    private readonly Dictionary<(string Resource, string Deployment, DateOnly Day), DayFigures> _days = [];
    private readonly Dictionary<(string Resource, string Deployment), string> _models = [];
    private readonly HashSet<AzureOpenAIMetric> _answered = [];
    private readonly SortedSet<(string Resource, DateOnly Day)> _partial = [];

    /// <summary>Reads one answer into the days; bad points and left-out metrics are told to <paramref name="results"/>.</summary>
    public void Add(byte[] answer, string sourceName, ReadResultBuilder<MeteredUsage> results)
    {
        var root = JsonEntries.ReadObject(answer, sourceName,
            "an Azure Monitor metrics answer { \"interval\": \"P1D\", \"value\": [ metrics with timeseries ] }");
        if (root.Field("value").Kind == FieldKind.Absent)
            throw new InputRejectedException(new InputProblem(sourceName, "", "has no \"value\" list of metrics; expected an Azure Monitor metrics answer"));
        var interval = Interval(root, sourceName);
        var span = Timespan(root);

        foreach (var metric in root.Items("value"))
        {
            var name = metric.Object("name")?.Field("value").Text ?? "";
            var kind = AzureOpenAIMetrics.Parse(name);
            var error = metric.Field("errorCode");
            if (error.Kind == FieldKind.Text && !string.Equals(error.Text, "Success", StringComparison.OrdinalIgnoreCase))
            {
                results.Reject(metric.Location, $"metric {name} came back with error {error.Text} ({metric.Field("errorMessage").Text}); none of it was ingested");
                continue;
            }

            var resource = ResourceOf(metric.Field("id").Text);
            if (span is { } s) MarkPartial(resource, s);
            if (kind is not { } known)
            {
                // Only for the message: summed as double, which cannot overflow on a damaged figure as decimal would.
                var total = metric.Items("timeseries").SelectMany(t => t.Items("data")).Sum(p => (double)(Number(p.Field("total")) ?? 0));
                results.Skip(metric.Location, string.Create(CultureInfo.InvariantCulture,
                    $"metric {name} ({total:N0} in all) is not read: {AzureOpenAIMetrics.WhyNotRead(name)}"));
                continue;
            }

            _answered.Add(known);
            AddSeries(metric, known, name, resource, interval, results);
        }
    }

    /// <summary>One row per resource, deployment and day, by day.</summary>
    public IReadOnlyList<MeteredUsage> ToRows() =>
        _days.OrderBy(d => d.Key.Day).ThenBy(d => d.Key.Resource, StringComparer.Ordinal).ThenBy(d => d.Key.Deployment, StringComparer.Ordinal)
            .Select(d => new MeteredUsage
            {
                Source = UsageSourceNames.AzureMonitor,
                Day = d.Key.Day,
                // The token metrics cannot be split by model; the request metric's ModelName says what each deployment serves.
                Model = UsageModelKeys.For("azure", _models.GetValueOrDefault((d.Key.Resource, d.Key.Deployment)) ?? d.Key.Deployment),
                Dimensions = UsageDimensions.Of((UsageDimensions.Deployment, d.Key.Deployment), (UsageDimensions.ResourceId, d.Key.Resource)),
                Calls = _answered.Contains(AzureOpenAIMetric.Requests) ? (long)decimal.Round(d.Value.Requests, 0) : null,
                UncachedInputTokens = (long)decimal.Round(d.Value.PromptTokens, 0),
                OutputTokens = (long)decimal.Round(d.Value.GeneratedTokens, 0),
                LatencyMeanMs = d.Value.LatencyPoints > 0 ? decimal.Round(d.Value.LatencySum / d.Value.LatencyPoints, 1) : null,
                PartialDay = _partial.Contains((d.Key.Resource, d.Key.Day)),
            })
            .ToList();

    private void AddSeries(JsonEntry metric, AzureOpenAIMetric kind, string name, string resource, TimeSpan interval, ReadResultBuilder<MeteredUsage> results)
    {
        var aggregation = AzureOpenAIMetrics.Aggregation(kind);
        decimal misalignedTotal = 0;
        var misaligned = 0;
        string? firstMisaligned = null;
        foreach (var series in metric.Items("timeseries"))
        {
            var dimensions = Dimensions(series);
            var deployment = dimensions.GetValueOrDefault(DeploymentDimension) ?? "";
            if (dimensions.GetValueOrDefault(ModelDimension) is { Length: > 0 } model) _models[(resource, deployment)] = model;

            foreach (var point in series.Items("data"))
            {
                var fields = new FieldReader(point);
                var start = fields.Instant("timeStamp", required: true);
                var value = fields.Decimal(aggregation, 0m, null, $"a metric's {aggregation} must be 0 or more");
                if (value > MaxPerBucket)
                    fields.Problem(aggregation, $"'{TextExcerpt.Of(point.Field(aggregation).Text)}' is more than any resource counts in one bucket (at most {MaxPerBucket:N0}); the answer is damaged");
                if (!fields.IsValid || start is not { } from)
                {
                    fields.RejectInto(results);
                    continue;
                }

                if (value is not { } figure) continue; // no data in that bucket
                if (UsageBucket.Day(from, from + interval, out var problem) is not { } day)
                {
                    misaligned++;
                    misalignedTotal += figure;
                    firstMisaligned ??= problem;
                    continue;
                }

                var key = (resource, deployment, day);
                if (!_days.TryGetValue(key, out var figures)) _days[key] = figures = new DayFigures();
                figures.Add(kind, figure);
            }
        }

        if (misaligned > 0)
            results.Reject(metric.Location, string.Create(CultureInfo.InvariantCulture,
                $"metric {name}: {misaligned} bucket(s) ({misalignedTotal:N0} in all) were not ingested: the first {firstMisaligned}"));
    }

    private void MarkPartial(string resource, (DateTimeOffset Start, DateTimeOffset End) span)
    {
        if (span.Start.UtcDateTime.TimeOfDay != TimeSpan.Zero) _partial.Add((resource, DateOnly.FromDateTime(span.Start.UtcDateTime)));
        if (span.End.UtcDateTime.TimeOfDay != TimeSpan.Zero) _partial.Add((resource, DateOnly.FromDateTime(span.End.UtcDateTime)));
    }

    private static Dictionary<string, string> Dimensions(JsonEntry series)
    {
        var dimensions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in series.Items("metadatavalues"))
            if (pair.Object("name")?.Field("value") is { Kind: FieldKind.Text } name && pair.Field("value") is { Kind: FieldKind.Text } value)
                dimensions[name.Text] = value.Text;
        return dimensions;
    }

    private static TimeSpan Interval(JsonEntry root, string sourceName)
    {
        var text = root.Field("interval").Text;
        try
        {
            var interval = XmlConvert.ToTimeSpan(text);
            if (interval > TimeSpan.Zero && interval <= TimeSpan.FromDays(1)) return interval;
        }
        catch (FormatException)
        {
            // Refused below with the value quoted.
        }

        throw new InputRejectedException(new InputProblem(sourceName, "interval",
            $"'{text}' is not a bucket length Reassess can give to days; ask for interval=P1D (or hours, e.g. PT1H)"));
    }

    private static (DateTimeOffset Start, DateTimeOffset End)? Timespan(JsonEntry root)
    {
        var parts = root.Field("timespan").Text.Split('/');
        return parts.Length == 2 && UsageFields.TryParseInstant(parts[0], out var start) && UsageFields.TryParseInstant(parts[1], out var end)
            ? (start, end)
            : null;
    }

    /// <summary>The resource a metric id belongs to: the id up to <c>/providers/Microsoft.Insights/metrics/…</c>.</summary>
    private static string ResourceOf(string metricId)
    {
        var cut = metricId.IndexOf("/providers/Microsoft.Insights/metrics", StringComparison.OrdinalIgnoreCase);
        return (cut >= 0 ? metricId[..cut] : metricId).ToLowerInvariant();
    }

    private static decimal? Number(FieldValue value) =>
        value.Kind is FieldKind.Number or FieldKind.Text && DecimalText.TryParse(value.Text, out var number) ? number : null;

    private sealed class DayFigures
    {
        public decimal Requests { get; private set; }
        public decimal PromptTokens { get; private set; }
        public decimal GeneratedTokens { get; private set; }
        public decimal LatencySum { get; private set; }
        public int LatencyPoints { get; private set; }

        public void Add(AzureOpenAIMetric metric, decimal value)
        {
            switch (metric)
            {
                case AzureOpenAIMetric.Requests: Requests += value; break;
                case AzureOpenAIMetric.PromptTokens: PromptTokens += value; break;
                case AzureOpenAIMetric.GeneratedTokens: GeneratedTokens += value; break;
                default:
                    LatencySum += value;
                    LatencyPoints++;
                    break;
            }
        }
    }
}
