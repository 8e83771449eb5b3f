using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Service.Configuration;
using Edge.Service.StatusPage;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Service.Tests.StatusPage;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StatusPagePasswordTests : IDisposable
{
    private readonly TempFolder _state = new();
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => _state.Dispose();

    private string HashFile => _state.File(StatusPagePassword.HashFileName);

    private string ClearTextFile => _state.File(StatusPagePassword.ClearTextFileName);

    [Fact]
    public void First_boot_makes_a_long_unambiguous_password_readable_by_the_owner_only()
    {
        var password = StatusPagePassword.LoadOrCreate(_state.Path, _time);
        Assert.True(password.Created);
        Assert.Equal(ClearTextFile, password.ClearTextPath);
        var text = File.ReadAllText(ClearTextFile);
        Assert.Matches("^[a-km-zA-HJ-NP-Z2-9]{16,}\n$", text);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ClearTextFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(HashFile));
        Assert.True(password.Verify(text.TrimEnd('\n')));
        Assert.False(password.Verify(text.TrimEnd('\n') + "x"));
        Assert.False(password.Verify(""));
        Assert.Empty(Directory.GetFiles(_state.Path, "*.tmp"));
    }

    [Fact]
    public void The_hash_file_holds_a_salted_pbkdf2_hash_and_never_the_password()
    {
        StatusPagePassword.LoadOrCreate(_state.Path, _time);
        var clear = File.ReadAllText(ClearTextFile).Trim();
        var stored = File.ReadAllText(HashFile);
        Assert.DoesNotContain(clear, stored, StringComparison.Ordinal);
        var json = JsonNode.Parse(stored)!;
        Assert.Equal("admin", (string?)json["user"]);
        Assert.Equal("PBKDF2-SHA256", (string?)json["algorithm"]);
        Assert.True((int)json["iterations"]! >= 100_000);
        Assert.True(Convert.FromBase64String((string)json["salt"]!).Length >= 16);
        Assert.Equal(32, Convert.FromBase64String((string)json["hash"]!).Length);
        Assert.Equal(_time.Now, json["created"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public void Each_sensor_gets_its_own_password_and_salt()
    {
        using var other = new TempFolder();
        StatusPagePassword.LoadOrCreate(_state.Path, _time);
        StatusPagePassword.LoadOrCreate(other.Path, _time);
        Assert.NotEqual(File.ReadAllText(ClearTextFile), File.ReadAllText(other.File(StatusPagePassword.ClearTextFileName)));
        Assert.NotEqual(JsonNode.Parse(File.ReadAllText(HashFile))!["salt"]!.ToString(),
            JsonNode.Parse(File.ReadAllText(other.File(StatusPagePassword.HashFileName)))!["salt"]!.ToString());
    }

    [Fact]
    public void The_next_start_loads_the_same_password_and_does_not_rewrite_it()
    {
        StatusPagePassword.LoadOrCreate(_state.Path, _time);
        var clear = File.ReadAllText(ClearTextFile).Trim();
        var stored = File.ReadAllText(HashFile);
        File.Delete(ClearTextFile);

        var reloaded = StatusPagePassword.LoadOrCreate(_state.Path, _time);
        Assert.False(reloaded.Created);
        Assert.True(reloaded.Verify(clear));
        Assert.False(reloaded.Verify("guess"));
        Assert.Equal(stored, File.ReadAllText(HashFile));
        Assert.False(File.Exists(ClearTextFile));
    }

    [Fact]
    public void A_verified_password_is_remembered_and_a_wrong_one_still_fails()
    {
        var password = StatusPagePassword.LoadOrCreate(_state.Path, _time);
        var clear = File.ReadAllText(ClearTextFile).Trim();
        Assert.True(password.Verify(clear));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var i = 0; i < 100; i++)
            Assert.True(password.Verify(clear));
        // 100 PBKDF2 runs of 100,000+ iterations take seconds; 100 cache hits take microseconds.
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(1));
        Assert.False(password.Verify(clear[..^1]));
        Assert.True(password.Verify(clear));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"user":"admin","algorithm":"PBKDF2-SHA256","iterations":200000,"salt":"AAAAAAAAAAAAAAAAAAAAAA==","created":"2026-11-25T10:00:00+00:00"}""")]
    [InlineData("""{"user":"admin","algorithm":"PBKDF2-SHA256","iterations":200000,"salt":null,"hash":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=","created":"2026-11-25T10:00:00+00:00"}""")]
    [InlineData("""{"user":"admin","algorithm":"PBKDF2-SHA256","iterations":1000,"salt":"AAAAAAAAAAAAAAAAAAAAAA==","hash":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=","created":"2026-11-25T10:00:00+00:00"}""")]
    [InlineData("""{"user":"admin","algorithm":"MD5","iterations":200000,"salt":"AAAAAAAAAAAAAAAAAAAAAA==","hash":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=","created":"2026-11-25T10:00:00+00:00"}""")]
    public void A_corrupt_hash_file_is_refused_naming_it_and_no_new_password_is_made(string content)
    {
        File.WriteAllText(HashFile, content);
        var refused = Assert.Throws<ConfigurationException>(() => StatusPagePassword.LoadOrCreate(_state.Path, _time));
        Assert.Equal(HashFile, refused.Key);
        Assert.Contains(HashFile, refused.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(HashFile));
        Assert.False(File.Exists(ClearTextFile));
    }

    [Fact]
    public void The_state_folder_is_made_when_missing()
    {
        var nested = Path.Combine(_state.Path, "a", "b");
        var password = StatusPagePassword.LoadOrCreate(nested, _time);
        Assert.True(password.Created);
        Assert.True(File.Exists(Path.Combine(nested, StatusPagePassword.HashFileName)));
    }

    [Fact]
    public void A_valid_hash_file_read_back_is_what_was_written()
    {
        StatusPagePassword.LoadOrCreate(_state.Path, _time);
        using var json = JsonDocument.Parse(File.ReadAllText(HashFile));
        Assert.Equal(6, json.RootElement.EnumerateObject().Count());
    }
}
