using System.Globalization;
using Reassess.Core.Ingestion;
using Reassess.Sources.Formats;

namespace Reassess.Sources.Usage;

/// <summary>
/// Lists the first rejected rows of a huge export one by one (with file and line) and only counts the rest, so a file
/// with a million bad lines cannot fill memory or the report with the same message.
/// </summary>
public sealed class RejectionBudget<TRecord>(ReadResultBuilder<TRecord> results, int listed = RejectionBudget<TRecord>.DefaultListed)
{
    public const int DefaultListed = 100;

    public long Rejected { get; private set; }

    public void Reject(FieldReader fields)
    {
        if (++Rejected <= listed) fields.RejectInto(results);
    }

    /// <summary>A row rejected for a reason beyond its own fields (it repeats another row).</summary>
    public void Reject(string location, string message)
    {
        if (++Rejected <= listed) results.Reject(location, message);
    }

    /// <summary>Adds the one line that stands for the rows not listed.</summary>
    public void Close()
    {
        if (Rejected > listed)
            results.Reject("", string.Create(CultureInfo.InvariantCulture,
                $"…and {Rejected - listed:N0} more rejected row(s) not listed one by one ({Rejected:N0} in all); fix the ones above and look for the same faults"));
    }
}
