using Edge.Uplink.Commands.Results;

namespace Edge.Uplink.Tests.Commands.TestSupport;

internal static class ResultAssert
{
    public static void Refused(CommandResult result, string code, string? field)
    {
        Assert.False(result.Ok, $"expected {code} but the command was taken");
        Assert.NotNull(result.Error);
        Assert.Equal((code, field), (result.Error.Code, result.Error.Field));
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        Assert.Null(result.Result);
    }

    public static void Ok(CommandResult result)
    {
        Assert.True(result.Ok, result.Error is { } e ? $"{e.Code} {e.Field}: {e.Message}" : "not ok");
        Assert.Null(result.Error);
    }
}
