using Edge.Hardware.Boards;

namespace Edge.Hardware.Tests.Boards;

public sealed class ProfileFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edge-profile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_custom_profile_loads_from_its_path()
    {
        var path = Path.Combine(_dir, "box.json");
        File.WriteAllText(path, ProfileJson.Rgb().ToJsonString());

        var profile = BoardProfiles.Load(path);

        Assert.Equal("test-board", profile.Name);
        Assert.Equal(LedKind.Rgb, profile.Leds.Kind);
    }

    [Fact]
    public void A_missing_file_is_refused_naming_the_path()
    {
        var path = Path.Combine(_dir, "absent.json");

        var e = Assert.Throws<BoardProfileException>(() => BoardProfiles.Load(path));

        Assert.StartsWith(path + ": cannot read the profile file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed_in_a_hand_written_profile()
    {
        var text = ProfileJson.Traffic().ToJsonString().Replace("\"name\"", "// the box in the server room\n\"name\"", StringComparison.Ordinal)[..^1] + ",}";

        Assert.Equal("test-board", BoardProfiles.Parse(text, "hand.json").Name);
    }

    [Theory]
    [InlineData("Raspberry Pi 4 Model B Rev 1.4\0", "raspberry-pi-4")]
    [InlineData("Raspberry Pi 400 Rev 1.0\0", "raspberry-pi-4")]
    [InlineData("Raspberry Pi 5 Model B Rev 1.0\0", "raspberry-pi-5")]
    [InlineData("Raspberry Pi Compute Module 4 Rev 1.1\0", "compute-module-4")]
    [InlineData("Raspberry Pi 5 Model B Rev 1.1", "raspberry-pi-5")]
    public void The_device_tree_model_names_the_bundled_profile(string model, string expected)
    {
        Assert.Equal(expected, BoardProfiles.DetectName(WriteModel(model)));
    }

    [Theory]
    [InlineData("Raspberry Pi 3 Model B Plus Rev 1.3\0")]
    [InlineData("Raspberry Pi Compute Module 4S Rev 1.0\0")]
    [InlineData("Raspberry Pi Compute Module 5 Rev 1.0\0")]
    [InlineData("\0")]
    public void A_model_no_profile_serves_is_not_detected(string model)
    {
        Assert.Null(BoardProfiles.DetectName(WriteModel(model)));
    }

    [Fact]
    public void No_model_file_means_no_board()
    {
        Assert.Null(BoardProfiles.DetectName(Path.Combine(_dir, "no-such-model")));
    }

    private string WriteModel(string model)
    {
        var path = Path.Combine(_dir, "model");
        File.WriteAllText(path, model);
        return path;
    }
}
