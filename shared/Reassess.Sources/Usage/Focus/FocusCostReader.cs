using System.Globalization;
using System.Text;
using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Sources.Formats;
using Reassess.Sources.Formats.Csv;
using Reassess.Sources.Usage.Streams;

namespace Reassess.Sources.Usage.Focus;

/// <summary>
/// FOCUS 1.0–1.2 cost and usage exports (format <c>focus</c>), CSV, plain or gzip: the Azure AI token meters in them
/// become daily usage per model and per resource, sub-account and tag set (tags map to workloads as
/// <c>tag:&lt;key&gt;</c>), with cost (<c>EffectiveCost</c>, else <c>BilledCost</c>, in <c>BillingCurrency</c>) kept
/// for finance trends. FOCUS has no call count: rows carry no calls.
/// <para>The file is <b>streamed</b>: read a line at a time and added into daily totals as it goes, so memory is that
/// of the totals, never of the file. Model and token kind come from the meter name (<see cref="AzureTokenMeter"/>),
/// tokens from the quantities (<see cref="FocusTokens"/>); <c>NULL</c> means empty; times are ISO 8601 or
/// <c>YYYY-MM-DD HH:MM:SS</c>. Rows that are not usage charges or not token meters are skipped on purpose and
/// counted; a bad row is rejected with its line and the rest read on.</para>
/// </summary>
public sealed class FocusCostReader(TimeProvider? clock = null, Action<ReadProgress>? progress = null) : IRecordReader<MeteredUsage>
{
    /// <summary>How often progress is told: every this many rows.</summary>
    public const int ProgressEveryRows = 100_000;

    private const int DimensionSetsRemembered = 100_000;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public string Format => UsageSourceNames.Focus;

    public async Task<ReadResult<MeteredUsage>> ReadAsync(
        Stream content, string sourceName, ReadContext context, CancellationToken cancellationToken = default)
    {
        var started = _clock.GetTimestamp();
        var counted = new CountingStream(content);
        await using var input = await UsageInput.OpenAsync(counted, cancellationToken).ConfigureAwait(false);
        using var text = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        long read = 0;
        var last = "";
        ReadState state;
        try
        {
            var rows = CsvSheet.Open(text, sourceName, [FocusColumns.ChargePeriodStart]);
            var meterColumns = FocusColumns.MeterName.Where(c => rows.Header.IndexOf(c) is not null).ToList();
            if (meterColumns.Count == 0)
                throw Refuse(sourceName, rows.Header, $"no meter name column ({string.Join(", ", FocusColumns.MeterName)}), so no token meter can be recognised");
            if (!FocusColumns.Quantity.Any(c => rows.Header.IndexOf(c) is not null))
                throw Refuse(sourceName, rows.Header, $"no quantity column ({string.Join(", ", FocusColumns.Quantity)})");

            state = new ReadState(sourceName, meterColumns);
            foreach (var row in rows)
            {
                if (++read % ProgressEveryRows == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Invoke(new ReadProgress(read, counted.BytesRead, _clock.GetElapsedTime(started)));
                }

                last = row.Location;
                state.Read(new FocusEntry(row));
            }
        }
        catch (InvalidDataException e)
        {
            // Only the gzip decoder throws this: the compressed export is damaged, so none of it is trusted.
            throw new InputRejectedException(new InputProblem(sourceName, last.Length == 0 ? "" : $"after {last}",
                $"the gzip-compressed data is damaged ({e.Message.TrimEnd('.')}); nothing from this file was used: download or export it again"), e);
        }

        progress?.Invoke(new ReadProgress(read, counted.BytesRead, _clock.GetElapsedTime(started)));
        return state.Build();
    }

    private static InputRejectedException Refuse(string sourceName, CsvHeader header, string why) =>
        new(new InputProblem(sourceName, $"line {header.LineNumber}", $"is not a FOCUS cost export: {why}; the header has: {header.Listing}"));

    /// <summary>What one read gathers: the daily totals, the counts of rows skipped on purpose, the rejected rows.</summary>
    private sealed class ReadState(string sourceName, IReadOnlyList<string> meterColumns)
    {
        private readonly ReadResultBuilder<MeteredUsage> _results = new(sourceName);
        private readonly MeteredUsageTotals _totals = new();
        private readonly Dictionary<string, AzureTokenMeter?> _meters = new(StringComparer.Ordinal);
        private readonly Dictionary<string, UsageDimensions> _dimensions = new(StringComparer.Ordinal);
        private readonly FocusTags _tags = new();
        private readonly ShortTotals _short = new();
        private RejectionBudget<MeteredUsage>? _budget;
        private long _notUsage;
        private long _notTokens;
        private long _disagreements;

        private RejectionBudget<MeteredUsage> Budget => _budget ??= new RejectionBudget<MeteredUsage>(_results);

        public void Read(Entry row)
        {
            var fields = new FieldReader(row);
            var category = fields.Text(FocusColumns.ChargeCategory);
            if (category is not null && !category.Equals("Usage", StringComparison.OrdinalIgnoreCase))
            {
                _notUsage++;
                return;
            }

            if (Meter(MeterName(fields)) is not { } meter)
            {
                _notTokens++;
                return;
            }

            var start = fields.Instant(FocusColumns.ChargePeriodStart, required: true);
            var tokens = FocusTokens.Read(fields, meter, out var disagrees);
            var cost = fields.Decimal(FocusColumns.EffectiveCost, null, null, "a cost is a number")
                       ?? fields.Decimal(FocusColumns.BilledCost, null, null, "a cost is a number");
            var dimensions = Dimensions(fields);
            if (!fields.IsValid || start is not { } from || tokens is not { } count || dimensions is null)
            {
                Budget.Reject(fields);
                _short.Add(start is { } day ? DateOnly.FromDateTime(day.UtcDateTime) : null, meter.Model, dimensions);
                return;
            }

            if (disagrees) _disagreements++;
            _totals.Add(new MeteredUsage
            {
                Source = UsageSourceNames.Focus,
                Day = DateOnly.FromDateTime(from.UtcDateTime),
                Model = meter.Model,
                Dimensions = dimensions,
                Calls = null,
                UncachedInputTokens = meter.Kind == TokenKind.UncachedInput ? count : 0,
                CachedInputTokens = meter.Kind == TokenKind.CachedInput ? count : 0,
                CacheWriteTokens = meter.Kind == TokenKind.CacheWrite ? count : 0,
                OutputTokens = meter.Kind == TokenKind.Output ? count : 0,
                Cost = cost,
                Currency = cost is null ? null : (fields.Text(FocusColumns.BillingCurrency) ?? "USD").ToUpperInvariant(),
            });
        }

        public ReadResult<MeteredUsage> Build()
        {
            _budget?.Close();
            var inv = CultureInfo.InvariantCulture;
            if (_notUsage > 0)
                _results.Skip("", string.Create(inv, $"{_notUsage:N0} row(s) are not usage charges (ChargeCategory Purchase, Tax, Credit, Adjustment); cost trends of those come from elsewhere"));
            if (_notTokens > 0)
                _results.Skip("", string.Create(inv, $"{_notTokens:N0} usage row(s) are not Azure AI token meters (other services, hosting hours, provisioned units)"));
            if (_disagreements > 0)
                _results.Skip("", string.Create(inv, $"{_disagreements:N0} row(s) had a ConsumedQuantity that disagrees with PricingQuantity × block size; the billed quantity was used"));
            _short.AddWhole(_totals.ToList(), _results);
            return _results.Build();
        }

        /// <summary>The first meter name the row states: a 1.2 export may leave <c>SkuMeter</c> NULL where the description has it.</summary>
        private string? MeterName(FieldReader fields)
        {
            foreach (var column in meterColumns)
                if (fields.Text(column) is { } name) return name;
            return null;
        }

        private AzureTokenMeter? Meter(string? name)
        {
            if (name is null) return null;
            if (_meters.TryGetValue(name, out var known)) return known;
            var meter = AzureTokenMeter.Parse(name);
            if (_meters.Count < DimensionSetsRemembered) _meters[name] = meter;
            return meter;
        }

        /// <summary>Resource, sub-account and tags as dimensions, remembered by their text (a big export repeats few of them).</summary>
        private UsageDimensions? Dimensions(FieldReader fields)
        {
            var resource = fields.Text(FocusColumns.ResourceId);
            var name = fields.Text(FocusColumns.ResourceName);
            var account = fields.Text(FocusColumns.SubAccountId);
            var tagText = fields.Text(FocusColumns.Tags);
            var key = $"{resource}\n{name}\n{account}\n{tagText}";
            if (_dimensions.TryGetValue(key, out var known)) return known;

            if (_tags.Parse(tagText, out var problem) is not { } tags)
            {
                fields.Problem(FocusColumns.Tags, problem!);
                return null;
            }

            var dimensions = UsageDimensions.Of(tags
                .Select(t => new KeyValuePair<string, string?>(UsageDimensions.TagPrefix + t.Key, t.Value))
                .Append(new(UsageDimensions.ResourceId, resource?.ToLowerInvariant()))
                .Append(new(UsageDimensions.ResourceName, name))
                .Append(new(UsageDimensions.SubAccountId, account)));
            if (_dimensions.Count < DimensionSetsRemembered) _dimensions[key] = dimensions;
            return dimensions;
        }
    }
}
