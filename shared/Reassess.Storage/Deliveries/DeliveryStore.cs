using Azure;
using Azure.Data.Tables;
using Reassess.Core.Time;
using Reassess.Storage.Configuration;
using Reassess.Storage.Tables;

namespace Reassess.Storage.Deliveries;

/// <summary>
/// Makes each message go out once: table <c>Deliveries</c>, PK the week or alert (<see cref="DeliveryKey"/>), RK
/// <c>{team}|{channel}</c>. A run claims a delivery before sending it by inserting a <see cref="DeliveryStatus.Sending"/>
/// row, which the table lets only one writer do, so two hosts running the same job, or a rerun, never both send. A
/// failed delivery is claimed again by the next run; a claim left by a run that died is taken over once it is older
/// than <see cref="StaleAfter"/>; a sent one only on purpose (<see cref="ResendAsync"/>). Storage failures arrive as
/// <see cref="StorageWriteException"/> or <see cref="StorageReadException"/>, never as the SDK's own.
/// </summary>
public sealed class DeliveryStore(StorageAccount account, TimeProvider? clock = null)
{
    /// <summary>Longest a reason is kept; the senders' reasons are far shorter, this only bounds the row.</summary>
    public const int MaxReasonLength = 1_000;

    /// <summary>Claims changed under one claim before giving up: each change is another run's claim, so this is never reached in practice.</summary>
    private const int MaxClaimRaces = 5;

    private readonly TableClient _table = account.Table(account.Settings.DeliveriesTable);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>
    /// How old a <see cref="DeliveryStatus.Sending"/> claim must be before another run takes it over: well beyond the
    /// longest a send takes with its retries (a few minutes), so only a run that died is overtaken.
    /// </summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Claims the delivery unless it was sent or is being sent; see <see cref="ClaimOutcome"/> for the answers.</summary>
    public Task<DeliveryClaim> TryClaimAsync(DeliveryKey key, string team, string channel, string destination, CancellationToken cancellationToken = default) =>
        ClaimAsync(key, team, channel, destination, resend: false, cancellationToken);

    /// <summary>As <see cref="TryClaimAsync"/>, but a sent delivery is claimed again (<c>--resend</c>); one being sent right now still is not.</summary>
    public Task<DeliveryClaim> ResendAsync(DeliveryKey key, string team, string channel, string destination, CancellationToken cancellationToken = default) =>
        ClaimAsync(key, team, channel, destination, resend: true, cancellationToken);

    /// <summary>Records that the claimed delivery went out, whoever holds the claim now: it was sent, whatever else happened.</summary>
    public async Task MarkSentAsync(DeliveryClaim claim, int attempts, CancellationToken cancellationToken = default)
    {
        var row = ToEntity(claim.Record with { Status = DeliveryStatus.Sent, Attempts = attempts, FinishedAt = _clock.GetUtcNow(), Reason = null });
        await WriteAsync(claim.Record, () => _table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Records that the claimed delivery failed, with the sender's redacted <paramref name="reason"/>. False when the claim
    /// was lost meanwhile (another run took it over as stale): that run's record stands.
    /// </summary>
    public async Task<bool> MarkFailedAsync(DeliveryClaim claim, int attempts, string reason, CancellationToken cancellationToken = default)
    {
        var kept = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] + "…" : reason;
        var row = ToEntity(claim.Record with { Status = DeliveryStatus.Failed, Attempts = attempts, FinishedAt = _clock.GetUtcNow(), Reason = kept });
        try
        {
            await WriteAsync(claim.Record, () => _table.UpdateEntityAsync(row, claim.ETag, TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (StorageWriteException e) when (e.InnerException is RequestFailedException { Status: 412 or 404 })
        {
            return false;
        }
    }

    public async Task<DeliveryRecord?> GetAsync(DeliveryKey key, string team, string channel, CancellationToken cancellationToken = default)
    {
        var row = await ReadAsync($"delivery {key}/{team}/{channel}",
            () => _table.GetEntityIfExistsAsync<TableEntity>(key.Value, RowKey(team, channel), cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Every delivery of a week or alert, by team then channel.</summary>
    public Task<IReadOnlyList<DeliveryRecord>> ListAsync(DeliveryKey key, CancellationToken cancellationToken = default) =>
        QueryAsync(key, TableClient.CreateQueryFilter($"PartitionKey eq {key.Value}"), cancellationToken);

    /// <summary>The deliveries of <paramref name="week"/> that failed and were not sent since, for the report and the health check.</summary>
    public Task<IReadOnlyList<DeliveryRecord>> FailedAsync(IsoWeek week, CancellationToken cancellationToken = default)
    {
        var key = DeliveryKey.Week(week);
        return QueryAsync(key, TableClient.CreateQueryFilter($"PartitionKey eq {key.Value} and Status eq {nameof(DeliveryStatus.Failed)}"), cancellationToken);
    }

    private async Task<DeliveryClaim> ClaimAsync(DeliveryKey key, string team, string channel, string destination, bool resend, CancellationToken cancellationToken)
    {
        var claimed = new DeliveryRecord
        {
            Key = key, Team = team, Channel = channel, Status = DeliveryStatus.Sending, Destination = destination, ClaimedAt = _clock.GetUtcNow(), Claims = 1,
        };
        var row = ToEntity(claimed);
        for (var race = 0; race < MaxClaimRaces; race++)
        {
            try
            {
                var added = await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                return new DeliveryClaim(ClaimOutcome.New, claimed) { ETag = added.Headers.ETag ?? ETag.All };
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Claimed before: what it says decides.
            }
            catch (RequestFailedException e)
            {
                throw WriteFailure(claimed, e);
            }

            var existing = await ReadAsync($"delivery {key}/{team}/{channel}",
                () => _table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (!existing.HasValue) continue; // deleted meanwhile: insert again
            var record = FromEntity(existing.Value!);
            var outcome = record.Status switch
            {
                DeliveryStatus.Sent => resend ? ClaimOutcome.Resend : ClaimOutcome.AlreadySent,
                DeliveryStatus.Failed => ClaimOutcome.Retry,
                _ => claimed.ClaimedAt - record.ClaimedAt >= StaleAfter ? ClaimOutcome.TakenOver : ClaimOutcome.InProgress,
            };
            if (outcome is ClaimOutcome.AlreadySent or ClaimOutcome.InProgress) return new DeliveryClaim(outcome, record);

            var again = claimed with { Claims = record.Claims + 1 };
            try
            {
                var updated = await _table.UpdateEntityAsync(ToEntity(again), existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return new DeliveryClaim(outcome, again) { ETag = updated.Headers.ETag ?? ETag.All };
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                // Another run claimed it between our read and write: look again.
            }
            catch (RequestFailedException e)
            {
                throw WriteFailure(claimed, e);
            }
        }

        throw new StorageWriteException(
            $"Delivery {key}/{team}/{channel} kept changing under {MaxClaimRaces} claims in a row; something else is rewriting table {_table.Name}.",
            new InvalidOperationException("claim race"));
    }

    private async Task<IReadOnlyList<DeliveryRecord>> QueryAsync(DeliveryKey key, string filter, CancellationToken cancellationToken)
    {
        var records = new List<DeliveryRecord>();
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
                records.Add(FromEntity(row));
        }
        catch (RequestFailedException e)
        {
            throw new StorageReadException($"The deliveries of {key} could not be read from table {_table.Name}: {e.Message}", e);
        }

        return records;
    }

    private async Task<T> ReadAsync<T>(string what, Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw new StorageReadException($"The {what} could not be read from table {_table.Name}: {e.Message}", e);
        }
    }

    private async Task WriteAsync(DeliveryRecord record, Func<Task<Response>> write)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw WriteFailure(record, e);
        }
    }

    private StorageWriteException WriteFailure(DeliveryRecord record, RequestFailedException e) =>
        new($"The record of delivery {record.Key}/{record.Team}/{record.Channel} could not be written to table {_table.Name}: {e.Message}", e);

    private static string RowKey(string team, string channel) =>
        StorageKeys.Validate($"{StorageKeys.Encode(team)}|{StorageKeys.Encode(channel)}", "Delivery team and channel");

    private static TableEntity ToEntity(DeliveryRecord record) => new(record.Key.Value, RowKey(record.Team, record.Channel))
    {
        ["Team"] = record.Team,
        ["Channel"] = record.Channel,
        ["Status"] = record.Status.ToString(),
        ["Destination"] = record.Destination,
        ["ClaimedAt"] = record.ClaimedAt,
        ["FinishedAt"] = record.FinishedAt,
        ["Attempts"] = record.Attempts,
        ["Claims"] = record.Claims,
        ["Reason"] = record.Reason,
    };

    private static DeliveryRecord FromEntity(TableEntity row) => new()
    {
        Key = DeliveryKey.FromStored(row.PartitionKey),
        Team = TableColumns.String(row, "Team"),
        Channel = TableColumns.String(row, "Channel"),
        Status = Enum.Parse<DeliveryStatus>(TableColumns.String(row, "Status")),
        Destination = TableColumns.String(row, "Destination"),
        ClaimedAt = row.GetDateTimeOffset("ClaimedAt") ?? default,
        FinishedAt = row.GetDateTimeOffset("FinishedAt"),
        Attempts = row.GetInt32("Attempts") ?? 0,
        Claims = row.GetInt32("Claims") ?? 0,
        Reason = row.GetString("Reason"),
    };
}
