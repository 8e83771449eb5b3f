namespace Edge.Hardware.Thermal;

/// <summary>The CPU temperature, or null where the board does not report one.</summary>
public interface IThermalSource
{
    double? ReadCelsius();
}
