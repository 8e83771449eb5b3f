using System.Diagnostics.CodeAnalysis;
using Edge.Hardware.Boards;

namespace Edge.Hardware.Gpio;

/// <summary>Picks the profile's chip among those the kernel lists: by label first, because kernels
/// renumber chips; by the profile's number only where no label could be read at all. Labels that were
/// read and do not match mean another board (or a PC's own GPIO), and that is refused, not guessed.</summary>
public static class GpioChipResolver
{
    public static bool TryResolve(
        GpioChipSpec spec,
        IReadOnlyList<GpioChipEntry> chips,
        [NotNullWhen(true)] out ResolvedGpioChip? chip,
        out string reason)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(chips);
        if (spec.Label is not null)
        {
            if (chips.Where(c => c.Label == spec.Label).OrderBy(c => c.Number).FirstOrDefault() is { } labelled)
            {
                chip = new ResolvedGpioChip(labelled.Number, spec.Label, ByLabel: true);
                reason = $"{chip}, found by its label";
                return true;
            }
            if (chips.Any(c => c.Label is not null))
            {
                chip = null;
                reason = $"no GPIO chip is labelled {spec.Label} (found {Found(chips)})";
                return false;
            }
        }
        if (chips.Any(c => c.Number == spec.Number))
        {
            chip = new ResolvedGpioChip(spec.Number, null, ByLabel: false);
            reason = spec.Label is null
                ? $"{chip}, the profile's chip number"
                : $"{chip}, the profile's fallback number (no chip label could be read to find {spec.Label})";
            return true;
        }
        chip = null;
        reason = $"no gpiochip{spec.Number} (found {Found(chips)})";
        return false;
    }

    private static string Found(IReadOnlyList<GpioChipEntry> chips) =>
        chips.Count == 0 ? "no chips" : string.Join(", ", chips);
}
