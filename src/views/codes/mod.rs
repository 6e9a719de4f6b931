//! Codes: choosing one for a selection ([`pick`]).

pub mod pick;
