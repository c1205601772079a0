namespace Twin.Optics.Tissue;

/// <content>The lattice hashes of one sampled region, worked out once per region.</content>
public sealed partial class ProceduralTissueVolume
{
    /// <summary>
    /// Every noise field and lattice a sample point reads, tabulated over the region's extent
    /// (µm, first to last sample): a sample then costs table lookups where it cost some 40
    /// hashes. Values are those of the hashes themselves, so a region gives the same densities
    /// however it is cut.
    /// </summary>
    private sealed class Region
    {
        public Region(ProceduralTissueVolume volume, float xs, float xe, float ys, float ye)
        {
            uint seed = volume._seed;
            var kind = volume._kind;
            // outline: two octaves at 300 µm; holes at 60 µm; fibre direction 150 µm and
            // waviness 35 µm; epidermis depth along x at 80 µm
            Edge = Grid(seed + 1u, 0, 1f / 300f, xs, xe, ys, ye);
            Edge2 = new LatticeGrid(seed + 18u, 0, 2.03f * (xs / 300f), 2.03f * (xe / 300f),
                2.03f * (ys / 300f), 2.03f * (ye / 300f));
            Hole = Grid(seed + 2u, 0, 1f / 60f, xs, xe, ys, ye);
            Fibres = new FibreField(seed + 5u, xs, xe, ys, ye);
            Warp = Grid(seed + 6u, 0, 1f / 35f, xs, xe, ys, ye);
            Epidermis = new LatticeGrid(seed + 8u, 0, xs / 80f, xe / 80f, 0.5f, 0.5f);
            float cell = (float)kind.FatCellUm;
            FatX = new LatticeGrid(seed, 11, xs / cell, xe / cell, ys / cell, ye / cell);
            FatY = new LatticeGrid(seed, 12, xs / cell, xe / cell, ys / cell, ye / cell);
            FatKind = new LatticeGrid(seed, 13, xs / cell, xe / cell, ys / cell, ye / cell);
            float spacing = (float)kind.NucleusSpacingUm;
            Nuclei = new NucleusLattice(kind, seed, volume._thickness, spacing,
                (float)kind.NucleusProbability, volume.Reach(spacing), xs, xe, ys, ye);
            // the epidermis packs its nuclei tighter (spacing × 0.45, probability 0.9)
            float tight = spacing * 0.45f;
            EpidermalNuclei = kind.EpidermisUm > 0 && ys < kind.EpidermisUm + 20
                ? new NucleusLattice(kind, seed, volume._thickness, tight, 0.9f,
                    volume.Reach(tight), xs, xe, ys, ye)
                : new NucleusLattice(kind, seed, volume._thickness, tight, 0.9f,
                    volume.Reach(tight), 0, -1, 0, -1);
        }

        public LatticeGrid Edge { get; }

        public LatticeGrid Edge2 { get; }

        public LatticeGrid Hole { get; }

        public FibreField Fibres { get; }

        public LatticeGrid Warp { get; }

        public LatticeGrid Epidermis { get; }

        public LatticeGrid FatX { get; }

        public LatticeGrid FatY { get; }

        public LatticeGrid FatKind { get; }

        public NucleusLattice Nuclei { get; }

        public NucleusLattice EpidermalNuclei { get; }

        /// <summary>A region with no tables: every lookup hashes (for one-off samples).</summary>
        public static Region Hashing(ProceduralTissueVolume volume) =>
            new(volume, 0, -1, 0, -1);

        private static LatticeGrid Grid(
            uint seed, uint salt, float scale, float xs, float xe, float ys, float ye) =>
            new(seed, salt, xs * scale, xe * scale, ys * scale, ye * scale);
    }
}
