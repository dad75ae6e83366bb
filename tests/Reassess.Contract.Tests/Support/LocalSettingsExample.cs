using Reassess.Hosting.Settings;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reassess.Contract.Tests.Support;

/// <summary>What <c>local.settings.example.json</c> should hold according to the catalog (shown when the contract fails).</summary>
public static class LocalSettingsExample
{
    public static string Render(IEnumerable<AppSetting> catalog)
    {
        var local = catalog.Where(s => s.InLocalSettings).ToList();
        var values = new JsonObject();
        var descriptions = new JsonObject();
        foreach (var setting in local)
        {
            values[setting.Name] = setting.IsSecret ? "" : setting.ExampleValue;
            descriptions[setting.Name] = setting.Description;
        }

        var root = new JsonObject { ["IsEncrypted"] = false, ["Values"] = values, ["Descriptions"] = descriptions };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
