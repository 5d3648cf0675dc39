//! The static embedding table: one int8 vector per vocabulary piece with
//! its scale, read from the bytes compiled into the binary
//! (models/minilm-static.bin, written by scripts/distill_model.py).
//!
//! Layout, little-endian: `RFSE`, format version (u32), pieces (u32),
//! dimensions (u32), one f32 scale per piece, then pieces × dimensions
//! int8 values. A piece's vector is its values times its scale.

const MAGIC: &[u8; 4] = b"RFSE";
const FORMAT_VERSION: u32 = 1;
const HEADER: usize = 16;

#[derive(Debug)]
pub struct Table {
    dims: usize,
    scales: Vec<f32>,
    values: &'static [u8],
}

impl Table {
    /// `None` when the bytes are not a table of `pieces` rows (a build
    /// with a mismatched model file).
    pub fn parse(bytes: &'static [u8], pieces: usize) -> Option<Table> {
        let word = |at: usize| -> Option<u32> {
            Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
        };
        if bytes.get(..4)? != MAGIC || word(4)? != FORMAT_VERSION {
            return None;
        }
        let rows = usize::try_from(word(8)?).ok()?;
        let dims = usize::try_from(word(12)?).ok()?;
        if rows != pieces || dims == 0 {
            return None;
        }
        let values_at = HEADER + rows * 4;
        let scales = bytes
            .get(HEADER..values_at)?
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let values = bytes.get(values_at..)?;
        (values.len() == rows * dims).then_some(Table {
            dims,
            scales,
            values,
        })
    }

    pub fn dims(&self) -> usize {
        self.dims
    }

    /// Adds piece `id`'s vector to `sum`.
    pub fn add(&self, id: u32, sum: &mut [f32]) {
        let id = id as usize;
        let scale = self.scales[id];
        let row = &self.values[id * self.dims..(id + 1) * self.dims];
        for (s, &v) in sum.iter_mut().zip(row) {
            *s += f32::from(v as i8) * scale;
        }
    }
}
