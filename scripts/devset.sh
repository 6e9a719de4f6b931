#!/usr/bin/env bash
# Fetches the import development set: real, redistributable PDFs from Debian
# packages (R package vignettes, several of them Journal of Statistical
# Software papers), by package name and version, and checks their hashes.
# The PDFs stay out of the repository; their hand-made truth files are in
# tests/devset/<name>.toml.
#
# The development set also holds TeX Live journal and conference classes
# (ACM, TUGboat, REVTeX, IEEE PES, LNCS, JACoW, elsarticle, Quantum, EJP/ECP,
# ASME, SPIE, Res Philosophica, AIAA, JPSJ, Archives of Forensic Psychology,
# IAG proceedings, OUP, La Gaceta de la RSME, SAGEEP, The PracTeX Journal,
# Philosophers' Imprint, Cascadilla, PMLR, LNI, DAFx proceedings, Condensed
# Matter Physics, ASCE, ISCRAM, AGU, ASME conference, MNRAS, AIP, Annals of
# Mathematics, REVTeX's AAPM and AIP guide, PTPTeX, APA 7) and fifteen more R
# vignettes (coin, forecast, pscl, Formula, MNP, flexmix, TSP, partykit,
# surveillance, Rmpfr, AER, fitdistrplus, sp, robustbase, gmm) and papers
# from texlive-science-doc and texlive-latex-extra-doc (The PracTeX Journal,
# emulateapj, achemso, TUGboat). A held-out set of other papers, never used
# to fit the rules, goes in the `heldout` list below (fetched to
# DIR/heldout) with its truth files in tests/heldout/<name>.toml; it is
# empty until new papers are written up, as every set so far was read once
# and then joined the development set.
#
#   scripts/devset.sh [DIR]     (default: $CASEBOOK_DEVSET or /tmp/casebook-devset)
set -euo pipefail
dir=${1:-${CASEBOOK_DEVSET:-/tmp/casebook-devset}}
mkdir -p "$dir/debs" "$dir/unpacked"
# name  package=version  path inside the package  sha256
list='
zoo r-cran-zoo=1.8-11-1 usr/lib/R/site-library/zoo/doc/zoo.pdf fd63de7b0dc3122272339ff49e6ceeb47ea71a89a9cb5b7c411c78a7d6c8c332
sandwich r-cran-sandwich=3.0-2-1 usr/lib/R/site-library/sandwich/doc/sandwich.pdf ab762c22ff2d6b0c26e6e642171f116a11ec4dcfe58821148bdf41856f293a1b
rcpp-introduction r-cran-rcpp=1.0.10-1 usr/lib/R/site-library/Rcpp/doc/Rcpp-introduction.pdf 9f391d7ad2446bf813e22d7e6e976be6a529e9ee920a287153af15b1e025f1e9
rcpp-jss r-cran-rcpp=1.0.10-1 usr/lib/R/site-library/Rcpp/doc/Rcpp-jss-2011.pdf 6f7a1aafb95e463bc4a28770dd9ca8309000889d60d4aa1d4a5e6f8ff687be67
rcpp-sugar r-cran-rcpp=1.0.10-1 usr/lib/R/site-library/Rcpp/doc/Rcpp-sugar.pdf bc18c1cfdf5e3d80df4d28c233cfc3c90ec096f6bed23b265a369e5ccfec8a21
strucchange r-cran-strucchange=1.5-3-1 usr/lib/R/site-library/strucchange/doc/strucchange-intro.pdf 56587481ea07ff51645290c24e328d4461656bcbf19d6e9426056e7559a4a198
lmtest r-cran-lmtest=0.9.40-1 usr/lib/R/site-library/lmtest/doc/lmtest-intro.pdf a60f149a85222f49e47cdd1a432719f044e4f32c1cdb229f91af8e9171ac87b7
mvtnorm-rnews r-cran-mvtnorm=1.1-3-1+b1 usr/lib/R/site-library/mvtnorm/doc/MVT_Rnews.pdf 0caa34fb53315b2ddf143cd7c4f9dc13a167648963ca6f43bbba676e0033abc9
party-mob r-cran-party=1.3-11-1 usr/lib/R/site-library/party/doc/MOB.pdf e513d3a843555becac92adb7ee39d49cc24f0fdc8cc1a0a1b5ebef5f6dc7c6de
quantreg r-cran-quantreg=5.94-1 usr/lib/R/site-library/quantreg/doc/rq.pdf 7cced1efe41449cf450b24b9eff5974b83f0a56eb5a40ad58b7d8247993afa3b
vcd-shadings r-cran-vcd=1:1.4-11-1 usr/lib/R/site-library/vcd/doc/residual-shadings.pdf 936f618b11c4bb4948246079649df8a6786a9146721f70784e9b5c154fbd9051
xts r-cran-xts=0.13.0-1 usr/lib/R/site-library/xts/doc/xts.pdf 32a502d6a6ae37bdd84f6e6a2891f67e46f380abf646ad89f5aaa4e1fc94f278
survival-validate r-cran-survival=3.5-3-1 usr/lib/R/library/survival/doc/validate.pdf bad9bc7ef9940a735197e2f5bf0d353690c99a3dd1af5da7aa13c48b93ce5d8b
lme4-theory r-cran-lme4=1.1-31-1 usr/lib/R/site-library/lme4/doc/Theory.pdf 4a516509401c2f9d5e088d5b0f76d4d058d9843e586baa6f7b36488509487200
'
tl=usr/share/doc/texlive-doc/latex
list="$list
acm-sigconf texlive-publishers-doc=2022.20230122-4 $tl/acmart/samples/sample-sigconf.pdf a4b9040fb79f559ac91656a75645e724fd601899b4a10fbef5fd06aa4c68867f
tugboat-guide texlive-publishers-doc=2022.20230122-4 $tl/tugboat/ltubguid.pdf a58929d1b588ffb9b574398b760e7d77bcd90bcfad3553ac45335aadcf7441bc
aps-revtex texlive-publishers-doc=2022.20230122-4 $tl/revtex4-1/sample/aps/apssamp.pdf 37fba24e612ca36f0cce7b0761182d4770b7db0a8d7fc68fe4b8164846183f2f
ieeepes-doc texlive-publishers-doc=2022.20230122-4 $tl/ieeepes/ieeepes_doc.pdf 897572314b17263fc1d29539b1559d33bf85c3fdbf44ff2a0a844ffc9c91cc38
llncs-doc texlive-publishers-doc=2022.20230122-4 $tl/llncs/llncsdoc.pdf ae2f8d45f42a39bc8674ead7cc3d6e7da3f241cf67dfbb78f0217520e4ffa0ac
jacow texlive-publishers-doc=2022.20230122-4 $tl/jacow/JACoW_LaTeX_A4.pdf a7accb7f2095da1212ee88492fc79be9d2eca92fac0915bf87b698069f3e1a3a
elsarticle-5p texlive-publishers-doc=2022.20230122-4 $tl/elsarticle/elstest-5p.pdf 47641df5dd96df7b8f036f379df2a5ae3138c64be88335e8de802ea2bd1fe572
quantum texlive-publishers-doc=2022.20230122-4 $tl/quantumarticle/quantum-template.pdf ed51d73a04acdee383159298f03ff3857d790b225ac0e7747dc9c54b32d80e94
ejpecp texlive-publishers-doc=2022.20230122-4 $tl/ejpecp/sample.pdf c73a08cb93bc20649baf6e3e8223fc118fac87bd1cdce12a30424a8b2a0dfd16
asmejour texlive-publishers-doc=2022.20230122-4 $tl/asmejour/asmejour-template.pdf a7bc4aef1a296edb3613c4d74f76915369d82c7582ea37c005ff9e0a5d687851
spie texlive-publishers-doc=2022.20230122-4 $tl/spie/article.pdf 905d4e4927bde380686b3ec29e8c85e8f41db103416f081be880450564d23f2e
resphilosophica texlive-publishers-doc=2022.20230122-4 $tl/resphilosophica/rpsample.pdf d1939ba85eee5541fd2f8eec1326506ab336a2e641a285bd1b92ec3b83bea836
aiaa-basic texlive-publishers-doc=2022.20230122-4 $tl/aiaa/template_basic.pdf 16147246e6eebd722ba7d823c91cfd2e5c3089dc42daf522a77a82053b47dde6
jpsj texlive-publishers-doc=2022.20230122-4 $tl/jpsj/injpsj2.pdf be963d361b40baa4bc59a853736cc463e3f4761b06ac925d4ce3e694203a5c93
afparticle texlive-publishers-doc=2022.20230122-4 $tl/afparticle/afpsample.pdf 633e115d585a739737c28ca459a189bf0718e41a19cdb2a311126889cd140057
prociagssymp texlive-publishers-doc=2022.20230122-4 $tl/prociagssymp/TestprocIAGssymp.pdf f9ec65a53c93a406bf896652bcb358e5bbc8a13f017cae753affe40e5c6c1534
oup-authoring texlive-publishers-doc=2022.20230122-4 $tl/oup-authoring-template/oup-authoring-template.pdf 8f1682708332fc3873604b8fed64b762d9931d664052004e015e03b363585f40
gaceta texlive-publishers-doc=2022.20230122-4 $tl/gaceta/plantilla-articulo-suelto.pdf 009b91a7e9b3be0a39a5fa5a660b90bc01eb0b2e275ad88cd0ca872ba6389e0e
sageep texlive-publishers-doc=2022.20230122-4 $tl/sageep/sample.pdf f992853773dd0918827566ef26e71283f0f37d18e770506fa4c06dd90b229318
pracjourn texlive-publishers-doc=2022.20230122-4 $tl/pracjourn/pjsample.pdf aac6ab45dfb37c4ad7947da5ee393a89dc893c20cd29bfd1f577a1e99d51a0fc
philosophersimprint texlive-publishers-doc=2022.20230122-4 $tl/philosophersimprint/sample.pdf 52354f023d0bf0a93438a324cb309ce2cbf70737b69536ea5baf9bc64cc3a80f
cascadilla texlive-publishers-doc=2022.20230122-4 $tl/cascadilla/example.pdf a9595a6b1e18b039ad7422f05b1935f8551983b7455a49bafa83d13175c4241b
jmlr-pmlr texlive-publishers-doc=2022.20230122-4 $tl/jmlr/pmlr-sample.pdf 9a979ba5ef59d876b186ac941b00ed4b01cf2ac102482f571e6fb4b29f44a9c3
lni texlive-publishers-doc=2022.20230122-4 $tl/lni/lni.pdf 674f969412ec98f51a67b52bf684bfd3aa6e482d83873cfd874e367b9ca6203f
coin-lego r-cran-coin=1.4-2-1+b1 usr/lib/R/site-library/coin/doc/LegoCondInf.pdf 6aa3d5fb8b5b99f373e80d48c75629e7c9e10060d895334a2889f6f76c1d2048
forecast-jss r-cran-forecast=8.20-1 usr/lib/R/site-library/forecast/doc/JSS2008.pdf 396a0fc6ab2b5ef5fe602c963a5b1b4969d42cede7038010bbfe36cb91fd3a2f
pscl-countreg r-cran-pscl=1.5.5-1+b1 usr/lib/R/site-library/pscl/doc/countreg.pdf 8ff9cb8331837ff2d21c4a840efbe4e5bdc10a1008edc0c39b8ba47d145cea04
dafx-confproc texlive-publishers-doc=2022.20230122-4 $tl/confproc/example/papers/p_001.pdf c6224e51bbd7931827556abc42057faf49023aa29995b0d027b9968b342d7746
cmpj texlive-publishers-doc=2022.20230122-4 $tl/cmpj/template.pdf b394781204a4c21c1eadc932ef3d9aa0f24c149f90d1942306862d9db25ed115
ascelike texlive-publishers-doc=2022.20230122-4 $tl/ascelike/ascexmpl.pdf e5fa1fedb3c98c6665d740a4d5a716e0b0a52ed951896887ac9f3f59f89e0297
iscram texlive-publishers-doc=2022.20230122-4 $tl/iscram/iscram-class-doc.pdf 7e401d0bed2698747b7640f6d3fdd6e290ed5a8629072ab8d9befad134a52e0e
aguplus texlive-publishers-doc=2022.20230122-4 $tl/aguplus/aguplus.pdf 4d6c2589017c3f0dc69e1421b9b12602262bcb8cce0fd63e68b9be5dd0f64607
asmeconf texlive-publishers-doc=2022.20230122-4 $tl/asmeconf/asmeconf-template.pdf 18fc01dbf0f5fa995f96353d8850cf83da85068c3300016f056988d09484be0a
mnras texlive-publishers-doc=2022.20230122-4 $tl/mnras/mnras_guide.pdf 54c467301c93b3ed0662c9ed6ee23f71204219ed642dcf259b8cd9383d28cc70
aipsamp texlive-publishers-doc=2022.20230122-4 $tl/revtex/sample/aip/aipsamp.pdf 758ca3f368bc5316a974b5b96cd027896d540361da0b4460d101e41454f58ad5
aomsample texlive-publishers-doc=2022.20230122-4 $tl/aomart/aomsample.pdf f08fe6f2394093ac2783cc35efc90a5d6a06c56c1addc68980b76ea82252f2e5
formula r-cran-formula=1.2-4-1 usr/lib/R/site-library/Formula/doc/Formula.pdf 6ec44e0cf7900753885dc2ee5812fa4dbea2f0c10d896efcbd15653acd907756
mnp r-cran-mnp=3.1-3-1 usr/lib/R/site-library/MNP/doc/MNP.pdf b4bd5480dc33eaeb77a2ae5791d0b03c327b5e32dbe5524b9ecf97d042ef4f45
flexmix r-cran-flexmix=2.3-18-1 usr/lib/R/site-library/flexmix/doc/flexmix-intro.pdf df4ce7cb00ab723134b2d8b9f34168cf7e6a8705bfefef3b6524230270172469
tsp r-cran-tsp=1.2-2-1 usr/lib/R/site-library/TSP/doc/TSP.pdf 4fd2477ab0010369e6a2531bdf076936c6782a8b9cf072c898cbd1d2f4ae219e
aapmsamp texlive-publishers-doc=2022.20230122-4 $tl/revtex/sample/aapm/aapmsamp.pdf 4c70420e94be63964a09ee439ca05e19bad1ce0fc3d4fdb5df27000e27d2622c
aipguide texlive-publishers-doc=2022.20230122-4 $tl/revtex/aip/aipguide4-2.pdf e654c1359c7b966d6a97260cd9d42af327512c4fc54e0c62f32034fdc6af8e2e
manptp texlive-publishers-doc=2022.20230122-4 $tl/ptptex/manptp.pdf f0e436a6214ed67a7dcb8a443867826c2d65067fe68673d0ae7fd92155d728bc
apa7long texlive-publishers-doc=2022.20230122-4 $tl/apa7/samples/longsample.pdf 6ea357e6881e2748bf6d4a7be1d58a52dd0b58dcb4b25e8d833d5b51a7911699
partykit r-cran-partykit=1.2-16-1 usr/lib/R/site-library/partykit/doc/partykit.pdf 68d0da9bf0c692d89ab1a36cc11e24b70bf481d90d13152d05b7a077e92daff1
hhh4 r-cran-surveillance=1.20.3-1 usr/lib/R/site-library/surveillance/doc/hhh4.pdf 208f0246c77cd16a11e08ab7725bc25b7228e2451e87e5d2880c52f3d0920112
log1mexp r-cran-rmpfr=0.9-1-1 usr/lib/R/site-library/Rmpfr/doc/log1mexp-note.pdf 70064c14ff029cfd8730d1157b9013c98dcbab7efa4fdadd65e9630557183690
aer r-cran-aer=1.2-10-1 usr/lib/R/site-library/AER/doc/AER.pdf 48a4f7677136ab66a07709d35929888e178e0c60b25543223ad6e3b19b72080a
turnstile texlive-science-doc=2022.20230122-4 $tl/turnstile/turnstile_article.pdf ab9ec5430017c4ff29c9c6681567ea61d3455d77060adc010ccd297ebefefcde
emulateapj texlive-latex-extra-doc=2022.20230122-4 $tl/emulateapj/sample.pdf 81ef152602f2032edcc37ee75631d05fc3354aa783bad1f06bad157d204fabbe
achemso texlive-latex-extra-doc=2022.20230122-4 $tl/achemso/achemso-demo.pdf 5565570c79a60125a39c30f8c94725fcbb88016a208b0d576ea67e9044b5d701
tugcals texlive-latex-extra-doc=2022.20230122-4 $tl/cals/tb101parashchenko.pdf 0636f6b1b9cf0a4c4b5a2591617509103d82a2eb8ee6729869a10c5938f1a650
fitdistrplus r-cran-fitdistrplus=1.1-8-1 usr/lib/R/site-library/fitdistrplus/doc/paper2JSS.pdf 873307d5c87cc73699dc760f74a9dff10e811ec6b111ffaaf05be3a77760c522
sp-csdacm r-cran-sp=1:1.6-0+dfsg-1 usr/lib/R/site-library/sp/doc/csdacm.pdf 6b32d82592df07f30acf005606416c9babe0344f195d8f8b2fb91fb56b97d948
robustbase-lmrob r-cran-robustbase=0.95-0-1 usr/lib/R/site-library/robustbase/doc/lmrob_simulation.pdf 0caffe8d90f26a18c0f301cf89e54867b4a88d83209d62fbc89db0dcd43e1540
gmm r-cran-gmm=1.7-1 usr/lib/R/site-library/gmm/doc/gmm_with_R.pdf c1c783764e830ac754e456be4347f87a008c04cd0f0bf2616163fb423dbcbd86
"
heldout="
"
mkdir -p "$dir/heldout"
status=0
while read -r name pkg path sum; do
  [ -n "$name" ] || continue
  out="$dir/$name.pdf"
  if [ ! -f "$out" ] || ! echo "$sum  $out" | sha256sum -c --quiet - 2>/dev/null; then
    base=${pkg%%=*}
    if ! ls "$dir/debs/${base}"_*.deb >/dev/null 2>&1; then
      (cd "$dir/debs" && apt-get download "$pkg" >/dev/null)
    fi
    deb=$(ls "$dir/debs/${base}"_*.deb | head -n1)
    mkdir -p "$dir/unpacked/$base"
    [ -f "$dir/unpacked/$base/$path" ] || dpkg-deb -x "$deb" "$dir/unpacked/$base"
    cp "$dir/unpacked/$base/$path" "$out"
  fi
  if echo "$sum  $out" | sha256sum -c --quiet -; then
    echo "ok $name"
  else
    echo "HASH MISMATCH $name" >&2
    status=1
  fi
done <<< "$(echo "$list"; echo "$heldout" | sed 's/^\([^ ]\)/heldout\/\1/')"
exit $status
