pub mod pty;
pub mod tap;
