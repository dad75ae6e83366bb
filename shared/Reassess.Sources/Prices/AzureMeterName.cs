using System.Text;
using System.Text.RegularExpressions;

namespace Reassess.Sources.Prices;

/// <summary>What an Azure OpenAI meter bills, as its name says it.</summary>
public enum AzureMeterKind
{
    Input,
    CachedInput,
    Output,
    BatchInput,
    BatchCachedInput,
    BatchOutput,

    /// <summary>Fine-tune training: per 1M training tokens, or per hour (reinforcement fine-tuning, older models).</summary>
    Training,

    /// <summary>Hosting a fine-tuned deployment, per hour, billed while deployed whether used or not.</summary>
    Hosting,
}

/// <summary>Azure OpenAI deployment types, which are priced apart (data zone and regional cost about 10% more than global).</summary>
public static class AzureDeploymentTypes
{
    public const string Global = "global";
    public const string DataZone = "data-zone";
    public const string Regional = "regional";
}

/// <summary>
/// An Azure OpenAI meter name read into the model it prices, what it bills and for which deployment type. Azure spells
/// the same thing many ways (<c>gpt-4o-mini-0718-Inp-glbl Tokens</c>, <c>gpt 4o mini 0718 cached Inp glbl Tokens</c>,
/// <c>GPT 5 Mini Batch Inpt cchd Dzone 1M Tokens</c>, <c>gpt-4.1-mini-ft hosting global Unit</c>,
/// <c>gpt-4o-mini-0718-FT-Trng-glbl Tokens</c>, <c>o4-mini RFT Training global Unit</c>), so the name is split into words
/// (spaces, dashes, camel case, letters glued to digits) and each word is read from a vocabulary; the words left over,
/// in order, are the model (snapshot codes such as <c>0718</c> kept: snapshots are priced apart).
/// </summary>
/// <param name="Model">The model id, lower case, e.g. <c>gpt-4o-mini-0718</c>; fine-tunes end in <c>-ft</c> (<c>gpt-4.1-mini-ft</c>).</param>
/// <param name="DeploymentType">One of <see cref="AzureDeploymentTypes"/>, or null when the name states none.</param>
/// <param name="UnitWord">The name's last word: <c>Tokens</c> for token meters, <c>Unit</c> for hourly ones, else what is counted.</param>
public sealed partial record AzureMeterName(string Model, AzureMeterKind Kind, string? DeploymentType, bool FineTuned, string UnitWord)
{
    private static readonly Dictionary<string, string> Deployments = new(StringComparer.Ordinal)
    {
        ["glbl"] = AzureDeploymentTypes.Global, ["global"] = AzureDeploymentTypes.Global,
        ["datazone"] = AzureDeploymentTypes.DataZone, ["dzone"] = AzureDeploymentTypes.DataZone,
        ["dzn"] = AzureDeploymentTypes.DataZone, ["dz"] = AzureDeploymentTypes.DataZone,
        ["regnl"] = AzureDeploymentTypes.Regional, ["regional"] = AzureDeploymentTypes.Regional,
        ["rgnl"] = AzureDeploymentTypes.Regional, ["regn"] = AzureDeploymentTypes.Regional,
    };

    private static readonly HashSet<string> InputWords = ["inp", "inpt", "input"];
    private static readonly HashSet<string> OutputWords = ["outp", "outpt", "output", "out", "opt"];
    private static readonly HashSet<string> CachedWords = ["cached", "cchd", "cched"];
    private static readonly HashSet<string> TrainingWords = ["trng", "training"];
    private static readonly HashSet<string> HostingWords = ["hstng", "hosting"];
    private static readonly HashSet<string> GraderWords = ["grader", "grdr"];

    // Words that say nothing about the model: "tkn" (training tokens), "rsng" (GPT-5's reasoning model is gpt-5).
    private static readonly HashSet<string> Filler = ["tkn", "rsng"];

    /// <summary>The meter read; null with <paramref name="why"/> when the name is not a model's token, training or hosting price.</summary>
    public static AzureMeterName? Parse(string meterName, out string why)
    {
        why = "";
        var words = Words(meterName, out var unitWord);
        bool input = false, output = false, cached = false, batch = false, training = false, hosting = false, fineTuned = false;
        string? deployment = null;
        var model = new List<string>();
        foreach (var word in words)
        {
            if (GraderWords.Contains(word))
            {
                why = "a model grader meter (what grading reinforcement fine-tuning costs), not a price of the model itself";
                return null;
            }

            if (Deployments.TryGetValue(word, out var type)) deployment = type;
            else if (InputWords.Contains(word)) input = true;
            else if (OutputWords.Contains(word)) output = true;
            else if (CachedWords.Contains(word)) cached = true;
            else if (TrainingWords.Contains(word)) training = true;
            else if (HostingWords.Contains(word)) hosting = true;
            else if (word == "batch") batch = true;
            else if (word is "ft" or "rft") fineTuned = true;
            else if (!Filler.Contains(word)) model.Add(word);
        }

        if (model.Count == 0)
        {
            why = "names no model";
            return null;
        }

        var id = string.Join('-', model) + (fineTuned ? "-ft" : "");
        AzureMeterKind? kind = (training, hosting, input || cached, output) switch
        {
            (true, false, false, false) => AzureMeterKind.Training,
            (false, true, false, false) => AzureMeterKind.Hosting,
            (false, false, true, false) => cached
                ? batch ? AzureMeterKind.BatchCachedInput : AzureMeterKind.CachedInput
                : batch ? AzureMeterKind.BatchInput : AzureMeterKind.Input,
            (false, false, false, true) => batch ? AzureMeterKind.BatchOutput : AzureMeterKind.Output,
            _ => null,
        };
        if (kind is null)
        {
            why = training || hosting || input || output || cached
                ? "names more than one of input, output, training and hosting; which it bills cannot be told"
                : "names no token kind (input, cached input, output), training or hosting";
            return null;
        }

        return new AzureMeterName(id, kind.Value, deployment, fineTuned, unitWord);
    }

    /// <summary>
    /// The name's words, lower case, without the trailing unit (<c>Tokens</c>, <c>Unit</c>, a <c>1M</c> before it),
    /// split at spaces, dashes and underscores, at camel case (<c>BatchOutp</c>) and where two or more letters meet
    /// digits (<c>mini0718</c>, <c>turbo16K</c>; not <c>o1</c>); <c>data zone</c> is one word.
    /// </summary>
    private static List<string> Words(string meterName, out string unitWord)
    {
        var parts = CamelCase().Replace(meterName.Trim(), "$1 $2").Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries).ToList();
        unitWord = parts.Count > 1 ? parts[^1] : "";
        if (parts.Count > 1) parts.RemoveAt(parts.Count - 1);
        if (parts.Count > 1 && parts[^1].ToLowerInvariant() is "1m" or "1k") parts.RemoveAt(parts.Count - 1);

        var words = new List<string>();
        foreach (var part in parts)
        {
            var word = part.ToLowerInvariant();
            var glued = LettersThenDigits().Match(word);
            if (glued.Success) words.AddRange([glued.Groups[1].Value, glued.Groups[2].Value]);
            else words.Add(word);
        }

        for (var i = 0; i < words.Count - 1; i++)
        {
            if (words[i] != "data" || words[i + 1] != "zone") continue;
            words[i] = "datazone";
            words.RemoveAt(i + 1);
        }

        return words;
    }

    /// <summary>True when the name ends in <c>Tokens</c>: the meter counts tokens.</summary>
    public bool CountsTokens => UnitWord.ToLowerInvariant() is "tokens" or "token";

    /// <summary>True when the name ends in <c>Unit</c>, Azure's word for a meter that counts hours.</summary>
    public bool CountsUnits => UnitWord.ToLowerInvariant() is "unit" or "units";

    public override string ToString()
    {
        var text = new StringBuilder(Model).Append(' ').Append(Kind);
        if (DeploymentType is not null) text.Append(' ').Append(DeploymentType);
        return text.ToString();
    }

    [GeneratedRegex("([a-z])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"^([a-z]{2,})(\d[a-z0-9.]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LettersThenDigits();
}
