using Microsoft.Extensions.Configuration;
using Reassess.Pipeline;
using Reassess.Host.Serve;

namespace Reassess.Api.Tests;

/// <summary>Function keys for <c>reassess serve</c>: at least 32 characters, or start-up stops saying which setting and how to make one.</summary>
public sealed class FunctionKeySettingsTests
{
    [Theory]
    [InlineData("thirty-one-characters-too-short", "key 1 of 1 is 31 characters")]
    [InlineData("ops=twenty-characters-ok;default=0123456789abcdef0123456789abcdef", "key 'ops' is 20 characters")]
    public void A_key_shorter_than_32_characters_is_refused_naming_the_setting_and_how_to_make_one(string keys, string which)
    {
        var error = Assert.Throws<PipelineConfigurationException>(() => ApiSettings.FromConfiguration(Configuration(keys)));

        Assert.StartsWith("Setting Reassess__FunctionKeys: ", error.Message);
        Assert.Contains(which, error.Message);
        Assert.Contains("at least 32", error.Message);
        Assert.Contains("openssl rand -base64 32", error.Message);
        Assert.DoesNotContain("too-short", error.Message);
        Assert.DoesNotContain("twenty-characters-ok", error.Message);
    }

    [Fact]
    public void A_key_made_by_openssl_rand_base64_32_is_taken_whole_padding_and_all()
    {
        const string made = "q0Z3+7mE/9xJ1p2Yc6vTn8wLr4KsHd5Ga0BfUeXiOoM=";

        var settings = ApiSettings.FromConfiguration(Configuration($"{made};ops={made}"));

        Assert.Equal([made, made], settings.FunctionKeys);
    }

    [Fact]
    public async Task Reassess_serve_does_not_start_with_a_short_key()
    {
        var error = await Assert.ThrowsAsync<PipelineConfigurationException>(() =>
            ReassessServer.BuildAsync(["--Reassess:FunctionKeys=sixteen-chars-ok", "--Reassess:Scheduler=off"]));

        Assert.Equal(
            "Setting Reassess__FunctionKeys: key 1 of 1 is 16 characters; a function key must be at least 32. Make a random one with: openssl rand -base64 32",
            error.Message);
    }

    private static IConfiguration Configuration(string keys) =>
        new ConfigurationBuilder().AddInMemoryCollection([new("Reassess:FunctionKeys", keys)]).Build();
}
