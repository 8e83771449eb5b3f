using Edge.Cli.Collect;

namespace Edge.Cli.Tests.Collect;

public sealed class UlidTextTests
{
    [Theory]
    [InlineData("01M86E81E0SFAS7QM1Z5VBDSSQ", true)]
    [InlineData("7ZZZZZZZZZZZZZZZZZZZZZZZZZ", true)]
    [InlineData("8ZZZZZZZZZZZZZZZZZZZZZZZZZ", false)]
    [InlineData("01M86E81E0SFAS7QM1Z5VBDSS", false)]
    [InlineData("01M86E81E0SFAS7QM1Z5VBDSSQQ", false)]
    [InlineData("01m86e81e0sfas7qm1z5vbdssq", false)]
    [InlineData("01M86E81E0SFAS7QM1Z5VBDSSI", false)]
    [InlineData("01M86E81E0SFAS7QM1Z5VBDSSL", false)]
    [InlineData("01M86E81E0SFAS7QM1Z5VBDSSO", false)]
    [InlineData("01M86E81E0SFAS7QM1Z5VBDSSU", false)]
    [InlineData("01M86E81E0SFAS7QM1Z5VBDSS-", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_upper_case_crockford_base32_of_128_bits(string? id, bool valid) => Assert.Equal(valid, UlidText.IsValid(id));
}
