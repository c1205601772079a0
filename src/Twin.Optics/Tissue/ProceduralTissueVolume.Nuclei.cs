using System.Buffers;

namespace Twin.Optics.Tissue;

/// <content>Nuclei and their cytoplasm, laid into a row of samples.</content>
public sealed partial class ProceduralTissueVolume
{
    /// <summary>Farthest any nucleus or its cytoplasm reaches from its centre, µm.</summary>
    private float ReachUm => (float)_kind.NucleusRadiusUm * 1.25f
        * MathF.Sqrt((float)Math.Max(1, _kind.NucleusElongation))
        * (float)Math.Max(1, _kind.CytoplasmScale);

    /// <summary>Lattice cells a point must search on each side for nuclei spaced so.</summary>
    private int Reach(float spacing) => (int)Math.Ceiling(ReachUm / spacing);

    /// <summary>Adds the nuclei of both lattices to the row's samples.</summary>
    private void AddNuclei(
        RowSamples samples, double x0Um, double pitchUm, float y, float sliceUm, Region region)
    {
        AddNuclei(samples, RowSamples.Nuclei, region.Nuclei, x0Um, pitchUm, y, sliceUm);
        if (_kind.EpidermisUm > 0)
        {
            AddNuclei(samples, RowSamples.EpidermalNuclei, region.EpidermalNuclei, x0Um,
                pitchUm, y, sliceUm);
        }
    }

    /// <summary>
    /// Adds to every sample of the row that reads <paramref name="which"/> lattice the nuclei
    /// within <see cref="Reach"/> cells of its own cell and <see cref="ReachUm"/> of it, in
    /// the order of their cells (row by row, then along the row), as a search around each
    /// sample would: each nucleus visits only the samples it can reach.
    /// </summary>
    private void AddNuclei(
        RowSamples samples, byte which, NucleusLattice lattice, double x0Um, double pitchUm,
        float y, float sliceUm)
    {
        int w = samples.Width;
        float spacing = lattice.Spacing;
        int reach = lattice.Reach;
        int cy = (int)MathF.Floor(y / spacing);
        int[] cells = samples.Cells;
        for (int col = 0; col < w; col++)
        {
            cells[col] = (int)MathF.Floor((float)(x0Um + (col * pitchUm)) / spacing);
        }

        float far = ReachUm;
        float cyto = (float)_kind.CytoplasmScale;
        float cytoDensity = (float)_kind.CytoplasmDensity * sliceUm;
        int gxFirst = Math.Min(cells[0], cells[w - 1]) - reach;
        int gxLast = Math.Max(cells[0], cells[w - 1]) + reach;
        for (int gy = cy - reach; gy <= cy + reach; gy++)
        {
            for (int gx = gxFirst; gx <= gxLast; gx++)
            {
                var n = lattice.At(gx, gy);
                if (!n.Present)
                {
                    continue;
                }

                float dy = y - n.Y;
                if (dy * dy > far * far)
                {
                    continue;
                }

                // the columns within reach of the centre, a sample wider each side
                int c0 = Math.Max(0, (int)Math.Floor((n.X - far - x0Um) / pitchUm) - 1);
                int c1 = Math.Min(w - 1, (int)Math.Ceiling((n.X + far - x0Um) / pitchUm) + 1);
                for (int col = c0; col <= c1; col++)
                {
                    if (samples.Lattice[col] != which || Math.Abs(gx - cells[col]) > reach)
                    {
                        continue;
                    }

                    float x = (float)(x0Um + (col * pitchUm));
                    float dx = x - n.X;
                    if ((dx * dx) + (dy * dy) > far * far)
                    {
                        continue;
                    }

                    float u = ((dx * n.Cos) + (dy * n.Sin)) / n.A;
                    float v = ((dy * n.Cos) - (dx * n.Sin)) / n.B;
                    float q = (u * u) + (v * v);
                    if (q < cyto * cyto && _kind.CytoplasmDensity > 0)
                    {
                        AddEllipsoidSlices(samples.Eos(col), n.DepthUm, n.Size * cyto,
                            q / (cyto * cyto), cytoDensity, sliceUm);
                    }

                    if (q < 1f)
                    {
                        float chromatin = 0.55f + (0.45f * LatticeNoise.Value(x / 0.9f,
                            y / 0.9f, n.ChromatinSeed));
                        AddEllipsoidSlices(samples.Haem(col), n.DepthUm, n.Size, q,
                            (float)_kind.NucleusDensity * chromatin * sliceUm, sliceUm);
                    }
                }
            }
        }
    }

    /// <summary>
    /// One row of samples under construction: haematoxylin and eosin per [column][slice], the
    /// fold multiplier and which nucleus lattice each column reads. Buffers are pooled.
    /// </summary>
    private sealed class RowSamples
    {
        /// <summary>Off the tissue or inside a fat cell: no nuclei.</summary>
        public const byte NoNuclei = 0;

        /// <summary>The kind's own nucleus lattice.</summary>
        public const byte Nuclei = 1;

        /// <summary>The epidermis' tighter lattice.</summary>
        public const byte EpidermalNuclei = 2;

        private readonly int _slices;
        private readonly float[] _haem;
        private readonly float[] _eos;

        public RowSamples(int width, int slices)
        {
            Width = width;
            _slices = slices;
            _haem = ArrayPool<float>.Shared.Rent(width * slices);
            _eos = ArrayPool<float>.Shared.Rent(width * slices);
            Fold = ArrayPool<float>.Shared.Rent(width);
            Lattice = ArrayPool<byte>.Shared.Rent(width);
            Cells = ArrayPool<int>.Shared.Rent(width);
        }

        public int Width { get; }

        public float[] Fold { get; }

        public byte[] Lattice { get; }

        /// <summary>Scratch: each column's lattice cell along x.</summary>
        public int[] Cells { get; }

        public Span<float> Haem(int col) => _haem.AsSpan(col * _slices, _slices);

        public Span<float> Eos(int col) => _eos.AsSpan(col * _slices, _slices);

        public void Clear()
        {
            Array.Clear(_haem, 0, Width * _slices);
            Array.Clear(_eos, 0, Width * _slices);
        }

        public void Return()
        {
            ArrayPool<float>.Shared.Return(_haem);
            ArrayPool<float>.Shared.Return(_eos);
            ArrayPool<float>.Shared.Return(Fold);
            ArrayPool<byte>.Shared.Return(Lattice);
            ArrayPool<int>.Shared.Return(Cells);
        }
    }
}
