using System.Numerics;

namespace Reassess.Pipeline.Scheduling.Schedules;

/// <summary>The values one field allows, as bits 0–63 (every field's range fits).</summary>
internal readonly record struct CronValues(ulong Bits)
{
    public static CronValues Range(int first, int last, int step)
    {
        var bits = 0UL;
        for (var v = first; v <= last; v += step) bits |= 1UL << v;
        return new CronValues(bits);
    }

    public bool IsEmpty => Bits == 0;

    public bool Contains(int value) => (Bits >> value & 1) != 0;

    /// <summary>The smallest allowed value ≥ <paramref name="value"/>, or -1.</summary>
    public int AtOrAfter(int value)
    {
        if (value > 63) return -1;
        var rest = Bits >> value << value;
        return rest == 0 ? -1 : BitOperations.TrailingZeroCount(rest);
    }

    public CronValues Union(CronValues other) => new(Bits | other.Bits);
}
