using System.Runtime.CompilerServices;

// the pyramid arithmetic and LibTiff plumbing of Files/ are tested directly, not only through
// whole files
[assembly: InternalsVisibleTo("Twin.Tests")]
