import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  require_prom_client
} from "./chunk-SBAKYQUZ.js";
import {
  carHeader,
  carSection,
  carSections,
  convertBlock,
  interpret,
  loadNode,
  resolvePath
} from "./chunk-M43IB2NX.js";
import {
  pack
} from "./chunk-J6IPDYFA.js";
import "./chunk-OKS6SJPH.js";
import {
  RAW_CODE,
  canVerify,
  verifyBlockSync
} from "./chunk-WR3JJZEG.js";
import "./chunk-ZBMILZQH.js";
import {
  CairnError,
  InvalidCidError,
  InvalidParametersError,
  InvalidPathError,
  NotFoundError,
  TimeoutError,
  UnsupportedCodecError,
  parseDuration
} from "./chunk-UVAGLUXE.js";
import "./chunk-DRLROITU.js";
import {
  defaultLogger
} from "./chunk-2BWCYOJS.js";
import "./chunk-D3WQOLQI.js";
import "./chunk-VQY7AHAT.js";
import "./chunk-TOJ2BU2E.js";
import "./chunk-4FL5K7DK.js";
import "./chunk-WHPHTD5L.js";
import "./chunk-SWTR4ACN.js";
import {
  CID,
  base32,
  base58btc,
  base64url,
  bases,
  decode
} from "./chunk-S6UWZNPS.js";
import "./chunk-ROPHLTMV.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-OBWUN26Y.js";

// ../../node_modules/.pnpm/mime-db@1.54.0/node_modules/mime-db/db.json
var require_db = __commonJS({
  "../../node_modules/.pnpm/mime-db@1.54.0/node_modules/mime-db/db.json"(exports, module) {
    module.exports = {
      "application/1d-interleaved-parityfec": {
        source: "iana"
      },
      "application/3gpdash-qoe-report+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/3gpp-ims+xml": {
        source: "iana",
        compressible: true
      },
      "application/3gpphal+json": {
        source: "iana",
        compressible: true
      },
      "application/3gpphalforms+json": {
        source: "iana",
        compressible: true
      },
      "application/a2l": {
        source: "iana"
      },
      "application/ace+cbor": {
        source: "iana"
      },
      "application/ace+json": {
        source: "iana",
        compressible: true
      },
      "application/ace-groupcomm+cbor": {
        source: "iana"
      },
      "application/ace-trl+cbor": {
        source: "iana"
      },
      "application/activemessage": {
        source: "iana"
      },
      "application/activity+json": {
        source: "iana",
        compressible: true
      },
      "application/aif+cbor": {
        source: "iana"
      },
      "application/aif+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-cdni+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-cdnifilter+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-costmap+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-costmapfilter+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-directory+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-endpointcost+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-endpointcostparams+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-endpointprop+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-endpointpropparams+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-error+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-networkmap+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-networkmapfilter+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-propmap+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-propmapparams+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-tips+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-tipsparams+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-updatestreamcontrol+json": {
        source: "iana",
        compressible: true
      },
      "application/alto-updatestreamparams+json": {
        source: "iana",
        compressible: true
      },
      "application/aml": {
        source: "iana"
      },
      "application/andrew-inset": {
        source: "iana",
        extensions: ["ez"]
      },
      "application/appinstaller": {
        compressible: false,
        extensions: ["appinstaller"]
      },
      "application/applefile": {
        source: "iana"
      },
      "application/applixware": {
        source: "apache",
        extensions: ["aw"]
      },
      "application/appx": {
        compressible: false,
        extensions: ["appx"]
      },
      "application/appxbundle": {
        compressible: false,
        extensions: ["appxbundle"]
      },
      "application/at+jwt": {
        source: "iana"
      },
      "application/atf": {
        source: "iana"
      },
      "application/atfx": {
        source: "iana"
      },
      "application/atom+xml": {
        source: "iana",
        compressible: true,
        extensions: ["atom"]
      },
      "application/atomcat+xml": {
        source: "iana",
        compressible: true,
        extensions: ["atomcat"]
      },
      "application/atomdeleted+xml": {
        source: "iana",
        compressible: true,
        extensions: ["atomdeleted"]
      },
      "application/atomicmail": {
        source: "iana"
      },
      "application/atomsvc+xml": {
        source: "iana",
        compressible: true,
        extensions: ["atomsvc"]
      },
      "application/atsc-dwd+xml": {
        source: "iana",
        compressible: true,
        extensions: ["dwd"]
      },
      "application/atsc-dynamic-event-message": {
        source: "iana"
      },
      "application/atsc-held+xml": {
        source: "iana",
        compressible: true,
        extensions: ["held"]
      },
      "application/atsc-rdt+json": {
        source: "iana",
        compressible: true
      },
      "application/atsc-rsat+xml": {
        source: "iana",
        compressible: true,
        extensions: ["rsat"]
      },
      "application/atxml": {
        source: "iana"
      },
      "application/auth-policy+xml": {
        source: "iana",
        compressible: true
      },
      "application/automationml-aml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["aml"]
      },
      "application/automationml-amlx+zip": {
        source: "iana",
        compressible: false,
        extensions: ["amlx"]
      },
      "application/bacnet-xdd+zip": {
        source: "iana",
        compressible: false
      },
      "application/batch-smtp": {
        source: "iana"
      },
      "application/bdoc": {
        compressible: false,
        extensions: ["bdoc"]
      },
      "application/beep+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/bufr": {
        source: "iana"
      },
      "application/c2pa": {
        source: "iana"
      },
      "application/calendar+json": {
        source: "iana",
        compressible: true
      },
      "application/calendar+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xcs"]
      },
      "application/call-completion": {
        source: "iana"
      },
      "application/cals-1840": {
        source: "iana"
      },
      "application/captive+json": {
        source: "iana",
        compressible: true
      },
      "application/cbor": {
        source: "iana"
      },
      "application/cbor-seq": {
        source: "iana"
      },
      "application/cccex": {
        source: "iana"
      },
      "application/ccmp+xml": {
        source: "iana",
        compressible: true
      },
      "application/ccxml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["ccxml"]
      },
      "application/cda+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/cdfx+xml": {
        source: "iana",
        compressible: true,
        extensions: ["cdfx"]
      },
      "application/cdmi-capability": {
        source: "iana",
        extensions: ["cdmia"]
      },
      "application/cdmi-container": {
        source: "iana",
        extensions: ["cdmic"]
      },
      "application/cdmi-domain": {
        source: "iana",
        extensions: ["cdmid"]
      },
      "application/cdmi-object": {
        source: "iana",
        extensions: ["cdmio"]
      },
      "application/cdmi-queue": {
        source: "iana",
        extensions: ["cdmiq"]
      },
      "application/cdni": {
        source: "iana"
      },
      "application/ce+cbor": {
        source: "iana"
      },
      "application/cea": {
        source: "iana"
      },
      "application/cea-2018+xml": {
        source: "iana",
        compressible: true
      },
      "application/cellml+xml": {
        source: "iana",
        compressible: true
      },
      "application/cfw": {
        source: "iana"
      },
      "application/cid-edhoc+cbor-seq": {
        source: "iana"
      },
      "application/city+json": {
        source: "iana",
        compressible: true
      },
      "application/city+json-seq": {
        source: "iana"
      },
      "application/clr": {
        source: "iana"
      },
      "application/clue+xml": {
        source: "iana",
        compressible: true
      },
      "application/clue_info+xml": {
        source: "iana",
        compressible: true
      },
      "application/cms": {
        source: "iana"
      },
      "application/cnrp+xml": {
        source: "iana",
        compressible: true
      },
      "application/coap-eap": {
        source: "iana"
      },
      "application/coap-group+json": {
        source: "iana",
        compressible: true
      },
      "application/coap-payload": {
        source: "iana"
      },
      "application/commonground": {
        source: "iana"
      },
      "application/concise-problem-details+cbor": {
        source: "iana"
      },
      "application/conference-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/cose": {
        source: "iana"
      },
      "application/cose-key": {
        source: "iana"
      },
      "application/cose-key-set": {
        source: "iana"
      },
      "application/cose-x509": {
        source: "iana"
      },
      "application/cpl+xml": {
        source: "iana",
        compressible: true,
        extensions: ["cpl"]
      },
      "application/csrattrs": {
        source: "iana"
      },
      "application/csta+xml": {
        source: "iana",
        compressible: true
      },
      "application/cstadata+xml": {
        source: "iana",
        compressible: true
      },
      "application/csvm+json": {
        source: "iana",
        compressible: true
      },
      "application/cu-seeme": {
        source: "apache",
        extensions: ["cu"]
      },
      "application/cwl": {
        source: "iana",
        extensions: ["cwl"]
      },
      "application/cwl+json": {
        source: "iana",
        compressible: true
      },
      "application/cwl+yaml": {
        source: "iana"
      },
      "application/cwt": {
        source: "iana"
      },
      "application/cybercash": {
        source: "iana"
      },
      "application/dart": {
        compressible: true
      },
      "application/dash+xml": {
        source: "iana",
        compressible: true,
        extensions: ["mpd"]
      },
      "application/dash-patch+xml": {
        source: "iana",
        compressible: true,
        extensions: ["mpp"]
      },
      "application/dashdelta": {
        source: "iana"
      },
      "application/davmount+xml": {
        source: "iana",
        compressible: true,
        extensions: ["davmount"]
      },
      "application/dca-rft": {
        source: "iana"
      },
      "application/dcd": {
        source: "iana"
      },
      "application/dec-dx": {
        source: "iana"
      },
      "application/dialog-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/dicom": {
        source: "iana",
        extensions: ["dcm"]
      },
      "application/dicom+json": {
        source: "iana",
        compressible: true
      },
      "application/dicom+xml": {
        source: "iana",
        compressible: true
      },
      "application/dii": {
        source: "iana"
      },
      "application/dit": {
        source: "iana"
      },
      "application/dns": {
        source: "iana"
      },
      "application/dns+json": {
        source: "iana",
        compressible: true
      },
      "application/dns-message": {
        source: "iana"
      },
      "application/docbook+xml": {
        source: "apache",
        compressible: true,
        extensions: ["dbk"]
      },
      "application/dots+cbor": {
        source: "iana"
      },
      "application/dpop+jwt": {
        source: "iana"
      },
      "application/dskpp+xml": {
        source: "iana",
        compressible: true
      },
      "application/dssc+der": {
        source: "iana",
        extensions: ["dssc"]
      },
      "application/dssc+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xdssc"]
      },
      "application/dvcs": {
        source: "iana"
      },
      "application/eat+cwt": {
        source: "iana"
      },
      "application/eat+jwt": {
        source: "iana"
      },
      "application/eat-bun+cbor": {
        source: "iana"
      },
      "application/eat-bun+json": {
        source: "iana",
        compressible: true
      },
      "application/eat-ucs+cbor": {
        source: "iana"
      },
      "application/eat-ucs+json": {
        source: "iana",
        compressible: true
      },
      "application/ecmascript": {
        source: "apache",
        compressible: true,
        extensions: ["ecma"]
      },
      "application/edhoc+cbor-seq": {
        source: "iana"
      },
      "application/edi-consent": {
        source: "iana"
      },
      "application/edi-x12": {
        source: "iana",
        compressible: false
      },
      "application/edifact": {
        source: "iana",
        compressible: false
      },
      "application/efi": {
        source: "iana"
      },
      "application/elm+json": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/elm+xml": {
        source: "iana",
        compressible: true
      },
      "application/emergencycalldata.cap+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/emergencycalldata.comment+xml": {
        source: "iana",
        compressible: true
      },
      "application/emergencycalldata.control+xml": {
        source: "iana",
        compressible: true
      },
      "application/emergencycalldata.deviceinfo+xml": {
        source: "iana",
        compressible: true
      },
      "application/emergencycalldata.ecall.msd": {
        source: "iana"
      },
      "application/emergencycalldata.legacyesn+json": {
        source: "iana",
        compressible: true
      },
      "application/emergencycalldata.providerinfo+xml": {
        source: "iana",
        compressible: true
      },
      "application/emergencycalldata.serviceinfo+xml": {
        source: "iana",
        compressible: true
      },
      "application/emergencycalldata.subscriberinfo+xml": {
        source: "iana",
        compressible: true
      },
      "application/emergencycalldata.veds+xml": {
        source: "iana",
        compressible: true
      },
      "application/emma+xml": {
        source: "iana",
        compressible: true,
        extensions: ["emma"]
      },
      "application/emotionml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["emotionml"]
      },
      "application/encaprtp": {
        source: "iana"
      },
      "application/entity-statement+jwt": {
        source: "iana"
      },
      "application/epp+xml": {
        source: "iana",
        compressible: true
      },
      "application/epub+zip": {
        source: "iana",
        compressible: false,
        extensions: ["epub"]
      },
      "application/eshop": {
        source: "iana"
      },
      "application/exi": {
        source: "iana",
        extensions: ["exi"]
      },
      "application/expect-ct-report+json": {
        source: "iana",
        compressible: true
      },
      "application/express": {
        source: "iana",
        extensions: ["exp"]
      },
      "application/fastinfoset": {
        source: "iana"
      },
      "application/fastsoap": {
        source: "iana"
      },
      "application/fdf": {
        source: "iana",
        extensions: ["fdf"]
      },
      "application/fdt+xml": {
        source: "iana",
        compressible: true,
        extensions: ["fdt"]
      },
      "application/fhir+json": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/fhir+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/fido.trusted-apps+json": {
        compressible: true
      },
      "application/fits": {
        source: "iana"
      },
      "application/flexfec": {
        source: "iana"
      },
      "application/font-sfnt": {
        source: "iana"
      },
      "application/font-tdpfr": {
        source: "iana",
        extensions: ["pfr"]
      },
      "application/font-woff": {
        source: "iana",
        compressible: false
      },
      "application/framework-attributes+xml": {
        source: "iana",
        compressible: true
      },
      "application/geo+json": {
        source: "iana",
        compressible: true,
        extensions: ["geojson"]
      },
      "application/geo+json-seq": {
        source: "iana"
      },
      "application/geopackage+sqlite3": {
        source: "iana"
      },
      "application/geopose+json": {
        source: "iana",
        compressible: true
      },
      "application/geoxacml+json": {
        source: "iana",
        compressible: true
      },
      "application/geoxacml+xml": {
        source: "iana",
        compressible: true
      },
      "application/gltf-buffer": {
        source: "iana"
      },
      "application/gml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["gml"]
      },
      "application/gnap-binding-jws": {
        source: "iana"
      },
      "application/gnap-binding-jwsd": {
        source: "iana"
      },
      "application/gnap-binding-rotation-jws": {
        source: "iana"
      },
      "application/gnap-binding-rotation-jwsd": {
        source: "iana"
      },
      "application/gpx+xml": {
        source: "apache",
        compressible: true,
        extensions: ["gpx"]
      },
      "application/grib": {
        source: "iana"
      },
      "application/gxf": {
        source: "apache",
        extensions: ["gxf"]
      },
      "application/gzip": {
        source: "iana",
        compressible: false,
        extensions: ["gz"]
      },
      "application/h224": {
        source: "iana"
      },
      "application/held+xml": {
        source: "iana",
        compressible: true
      },
      "application/hjson": {
        extensions: ["hjson"]
      },
      "application/hl7v2+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/http": {
        source: "iana"
      },
      "application/hyperstudio": {
        source: "iana",
        extensions: ["stk"]
      },
      "application/ibe-key-request+xml": {
        source: "iana",
        compressible: true
      },
      "application/ibe-pkg-reply+xml": {
        source: "iana",
        compressible: true
      },
      "application/ibe-pp-data": {
        source: "iana"
      },
      "application/iges": {
        source: "iana"
      },
      "application/im-iscomposing+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/index": {
        source: "iana"
      },
      "application/index.cmd": {
        source: "iana"
      },
      "application/index.obj": {
        source: "iana"
      },
      "application/index.response": {
        source: "iana"
      },
      "application/index.vnd": {
        source: "iana"
      },
      "application/inkml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["ink", "inkml"]
      },
      "application/iotp": {
        source: "iana"
      },
      "application/ipfix": {
        source: "iana",
        extensions: ["ipfix"]
      },
      "application/ipp": {
        source: "iana"
      },
      "application/isup": {
        source: "iana"
      },
      "application/its+xml": {
        source: "iana",
        compressible: true,
        extensions: ["its"]
      },
      "application/java-archive": {
        source: "iana",
        compressible: false,
        extensions: ["jar", "war", "ear"]
      },
      "application/java-serialized-object": {
        source: "apache",
        compressible: false,
        extensions: ["ser"]
      },
      "application/java-vm": {
        source: "apache",
        compressible: false,
        extensions: ["class"]
      },
      "application/javascript": {
        source: "apache",
        charset: "UTF-8",
        compressible: true,
        extensions: ["js"]
      },
      "application/jf2feed+json": {
        source: "iana",
        compressible: true
      },
      "application/jose": {
        source: "iana"
      },
      "application/jose+json": {
        source: "iana",
        compressible: true
      },
      "application/jrd+json": {
        source: "iana",
        compressible: true
      },
      "application/jscalendar+json": {
        source: "iana",
        compressible: true
      },
      "application/jscontact+json": {
        source: "iana",
        compressible: true
      },
      "application/json": {
        source: "iana",
        charset: "UTF-8",
        compressible: true,
        extensions: ["json", "map"]
      },
      "application/json-patch+json": {
        source: "iana",
        compressible: true
      },
      "application/json-seq": {
        source: "iana"
      },
      "application/json5": {
        extensions: ["json5"]
      },
      "application/jsonml+json": {
        source: "apache",
        compressible: true,
        extensions: ["jsonml"]
      },
      "application/jsonpath": {
        source: "iana"
      },
      "application/jwk+json": {
        source: "iana",
        compressible: true
      },
      "application/jwk-set+json": {
        source: "iana",
        compressible: true
      },
      "application/jwk-set+jwt": {
        source: "iana"
      },
      "application/jwt": {
        source: "iana"
      },
      "application/kpml-request+xml": {
        source: "iana",
        compressible: true
      },
      "application/kpml-response+xml": {
        source: "iana",
        compressible: true
      },
      "application/ld+json": {
        source: "iana",
        compressible: true,
        extensions: ["jsonld"]
      },
      "application/lgr+xml": {
        source: "iana",
        compressible: true,
        extensions: ["lgr"]
      },
      "application/link-format": {
        source: "iana"
      },
      "application/linkset": {
        source: "iana"
      },
      "application/linkset+json": {
        source: "iana",
        compressible: true
      },
      "application/load-control+xml": {
        source: "iana",
        compressible: true
      },
      "application/logout+jwt": {
        source: "iana"
      },
      "application/lost+xml": {
        source: "iana",
        compressible: true,
        extensions: ["lostxml"]
      },
      "application/lostsync+xml": {
        source: "iana",
        compressible: true
      },
      "application/lpf+zip": {
        source: "iana",
        compressible: false
      },
      "application/lxf": {
        source: "iana"
      },
      "application/mac-binhex40": {
        source: "iana",
        extensions: ["hqx"]
      },
      "application/mac-compactpro": {
        source: "apache",
        extensions: ["cpt"]
      },
      "application/macwriteii": {
        source: "iana"
      },
      "application/mads+xml": {
        source: "iana",
        compressible: true,
        extensions: ["mads"]
      },
      "application/manifest+json": {
        source: "iana",
        charset: "UTF-8",
        compressible: true,
        extensions: ["webmanifest"]
      },
      "application/marc": {
        source: "iana",
        extensions: ["mrc"]
      },
      "application/marcxml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["mrcx"]
      },
      "application/mathematica": {
        source: "iana",
        extensions: ["ma", "nb", "mb"]
      },
      "application/mathml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["mathml"]
      },
      "application/mathml-content+xml": {
        source: "iana",
        compressible: true
      },
      "application/mathml-presentation+xml": {
        source: "iana",
        compressible: true
      },
      "application/mbms-associated-procedure-description+xml": {
        source: "iana",
        compressible: true
      },
      "application/mbms-deregister+xml": {
        source: "iana",
        compressible: true
      },
      "application/mbms-envelope+xml": {
        source: "iana",
        compressible: true
      },
      "application/mbms-msk+xml": {
        source: "iana",
        compressible: true
      },
      "application/mbms-msk-response+xml": {
        source: "iana",
        compressible: true
      },
      "application/mbms-protection-description+xml": {
        source: "iana",
        compressible: true
      },
      "application/mbms-reception-report+xml": {
        source: "iana",
        compressible: true
      },
      "application/mbms-register+xml": {
        source: "iana",
        compressible: true
      },
      "application/mbms-register-response+xml": {
        source: "iana",
        compressible: true
      },
      "application/mbms-schedule+xml": {
        source: "iana",
        compressible: true
      },
      "application/mbms-user-service-description+xml": {
        source: "iana",
        compressible: true
      },
      "application/mbox": {
        source: "iana",
        extensions: ["mbox"]
      },
      "application/media-policy-dataset+xml": {
        source: "iana",
        compressible: true,
        extensions: ["mpf"]
      },
      "application/media_control+xml": {
        source: "iana",
        compressible: true
      },
      "application/mediaservercontrol+xml": {
        source: "iana",
        compressible: true,
        extensions: ["mscml"]
      },
      "application/merge-patch+json": {
        source: "iana",
        compressible: true
      },
      "application/metalink+xml": {
        source: "apache",
        compressible: true,
        extensions: ["metalink"]
      },
      "application/metalink4+xml": {
        source: "iana",
        compressible: true,
        extensions: ["meta4"]
      },
      "application/mets+xml": {
        source: "iana",
        compressible: true,
        extensions: ["mets"]
      },
      "application/mf4": {
        source: "iana"
      },
      "application/mikey": {
        source: "iana"
      },
      "application/mipc": {
        source: "iana"
      },
      "application/missing-blocks+cbor-seq": {
        source: "iana"
      },
      "application/mmt-aei+xml": {
        source: "iana",
        compressible: true,
        extensions: ["maei"]
      },
      "application/mmt-usd+xml": {
        source: "iana",
        compressible: true,
        extensions: ["musd"]
      },
      "application/mods+xml": {
        source: "iana",
        compressible: true,
        extensions: ["mods"]
      },
      "application/moss-keys": {
        source: "iana"
      },
      "application/moss-signature": {
        source: "iana"
      },
      "application/mosskey-data": {
        source: "iana"
      },
      "application/mosskey-request": {
        source: "iana"
      },
      "application/mp21": {
        source: "iana",
        extensions: ["m21", "mp21"]
      },
      "application/mp4": {
        source: "iana",
        extensions: ["mp4", "mpg4", "mp4s", "m4p"]
      },
      "application/mpeg4-generic": {
        source: "iana"
      },
      "application/mpeg4-iod": {
        source: "iana"
      },
      "application/mpeg4-iod-xmt": {
        source: "iana"
      },
      "application/mrb-consumer+xml": {
        source: "iana",
        compressible: true
      },
      "application/mrb-publish+xml": {
        source: "iana",
        compressible: true
      },
      "application/msc-ivr+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/msc-mixer+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/msix": {
        compressible: false,
        extensions: ["msix"]
      },
      "application/msixbundle": {
        compressible: false,
        extensions: ["msixbundle"]
      },
      "application/msword": {
        source: "iana",
        compressible: false,
        extensions: ["doc", "dot"]
      },
      "application/mud+json": {
        source: "iana",
        compressible: true
      },
      "application/multipart-core": {
        source: "iana"
      },
      "application/mxf": {
        source: "iana",
        extensions: ["mxf"]
      },
      "application/n-quads": {
        source: "iana",
        extensions: ["nq"]
      },
      "application/n-triples": {
        source: "iana",
        extensions: ["nt"]
      },
      "application/nasdata": {
        source: "iana"
      },
      "application/news-checkgroups": {
        source: "iana",
        charset: "US-ASCII"
      },
      "application/news-groupinfo": {
        source: "iana",
        charset: "US-ASCII"
      },
      "application/news-transmission": {
        source: "iana"
      },
      "application/nlsml+xml": {
        source: "iana",
        compressible: true
      },
      "application/node": {
        source: "iana",
        extensions: ["cjs"]
      },
      "application/nss": {
        source: "iana"
      },
      "application/oauth-authz-req+jwt": {
        source: "iana"
      },
      "application/oblivious-dns-message": {
        source: "iana"
      },
      "application/ocsp-request": {
        source: "iana"
      },
      "application/ocsp-response": {
        source: "iana"
      },
      "application/octet-stream": {
        source: "iana",
        compressible: true,
        extensions: ["bin", "dms", "lrf", "mar", "so", "dist", "distz", "pkg", "bpk", "dump", "elc", "deploy", "exe", "dll", "deb", "dmg", "iso", "img", "msi", "msp", "msm", "buffer"]
      },
      "application/oda": {
        source: "iana",
        extensions: ["oda"]
      },
      "application/odm+xml": {
        source: "iana",
        compressible: true
      },
      "application/odx": {
        source: "iana"
      },
      "application/oebps-package+xml": {
        source: "iana",
        compressible: true,
        extensions: ["opf"]
      },
      "application/ogg": {
        source: "iana",
        compressible: false,
        extensions: ["ogx"]
      },
      "application/ohttp-keys": {
        source: "iana"
      },
      "application/omdoc+xml": {
        source: "apache",
        compressible: true,
        extensions: ["omdoc"]
      },
      "application/onenote": {
        source: "apache",
        extensions: ["onetoc", "onetoc2", "onetmp", "onepkg", "one", "onea"]
      },
      "application/opc-nodeset+xml": {
        source: "iana",
        compressible: true
      },
      "application/oscore": {
        source: "iana"
      },
      "application/oxps": {
        source: "iana",
        extensions: ["oxps"]
      },
      "application/p21": {
        source: "iana"
      },
      "application/p21+zip": {
        source: "iana",
        compressible: false
      },
      "application/p2p-overlay+xml": {
        source: "iana",
        compressible: true,
        extensions: ["relo"]
      },
      "application/parityfec": {
        source: "iana"
      },
      "application/passport": {
        source: "iana"
      },
      "application/patch-ops-error+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xer"]
      },
      "application/pdf": {
        source: "iana",
        compressible: false,
        extensions: ["pdf"]
      },
      "application/pdx": {
        source: "iana"
      },
      "application/pem-certificate-chain": {
        source: "iana"
      },
      "application/pgp-encrypted": {
        source: "iana",
        compressible: false,
        extensions: ["pgp"]
      },
      "application/pgp-keys": {
        source: "iana",
        extensions: ["asc"]
      },
      "application/pgp-signature": {
        source: "iana",
        extensions: ["sig", "asc"]
      },
      "application/pics-rules": {
        source: "apache",
        extensions: ["prf"]
      },
      "application/pidf+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/pidf-diff+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/pkcs10": {
        source: "iana",
        extensions: ["p10"]
      },
      "application/pkcs12": {
        source: "iana"
      },
      "application/pkcs7-mime": {
        source: "iana",
        extensions: ["p7m", "p7c"]
      },
      "application/pkcs7-signature": {
        source: "iana",
        extensions: ["p7s"]
      },
      "application/pkcs8": {
        source: "iana",
        extensions: ["p8"]
      },
      "application/pkcs8-encrypted": {
        source: "iana"
      },
      "application/pkix-attr-cert": {
        source: "iana",
        extensions: ["ac"]
      },
      "application/pkix-cert": {
        source: "iana",
        extensions: ["cer"]
      },
      "application/pkix-crl": {
        source: "iana",
        extensions: ["crl"]
      },
      "application/pkix-pkipath": {
        source: "iana",
        extensions: ["pkipath"]
      },
      "application/pkixcmp": {
        source: "iana",
        extensions: ["pki"]
      },
      "application/pls+xml": {
        source: "iana",
        compressible: true,
        extensions: ["pls"]
      },
      "application/poc-settings+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/postscript": {
        source: "iana",
        compressible: true,
        extensions: ["ai", "eps", "ps"]
      },
      "application/ppsp-tracker+json": {
        source: "iana",
        compressible: true
      },
      "application/private-token-issuer-directory": {
        source: "iana"
      },
      "application/private-token-request": {
        source: "iana"
      },
      "application/private-token-response": {
        source: "iana"
      },
      "application/problem+json": {
        source: "iana",
        compressible: true
      },
      "application/problem+xml": {
        source: "iana",
        compressible: true
      },
      "application/provenance+xml": {
        source: "iana",
        compressible: true,
        extensions: ["provx"]
      },
      "application/provided-claims+jwt": {
        source: "iana"
      },
      "application/prs.alvestrand.titrax-sheet": {
        source: "iana"
      },
      "application/prs.cww": {
        source: "iana",
        extensions: ["cww"]
      },
      "application/prs.cyn": {
        source: "iana",
        charset: "7-BIT"
      },
      "application/prs.hpub+zip": {
        source: "iana",
        compressible: false
      },
      "application/prs.implied-document+xml": {
        source: "iana",
        compressible: true
      },
      "application/prs.implied-executable": {
        source: "iana"
      },
      "application/prs.implied-object+json": {
        source: "iana",
        compressible: true
      },
      "application/prs.implied-object+json-seq": {
        source: "iana"
      },
      "application/prs.implied-object+yaml": {
        source: "iana"
      },
      "application/prs.implied-structure": {
        source: "iana"
      },
      "application/prs.mayfile": {
        source: "iana"
      },
      "application/prs.nprend": {
        source: "iana"
      },
      "application/prs.plucker": {
        source: "iana"
      },
      "application/prs.rdf-xml-crypt": {
        source: "iana"
      },
      "application/prs.vcfbzip2": {
        source: "iana"
      },
      "application/prs.xsf+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xsf"]
      },
      "application/pskc+xml": {
        source: "iana",
        compressible: true,
        extensions: ["pskcxml"]
      },
      "application/pvd+json": {
        source: "iana",
        compressible: true
      },
      "application/qsig": {
        source: "iana"
      },
      "application/raml+yaml": {
        compressible: true,
        extensions: ["raml"]
      },
      "application/raptorfec": {
        source: "iana"
      },
      "application/rdap+json": {
        source: "iana",
        compressible: true
      },
      "application/rdf+xml": {
        source: "iana",
        compressible: true,
        extensions: ["rdf", "owl"]
      },
      "application/reginfo+xml": {
        source: "iana",
        compressible: true,
        extensions: ["rif"]
      },
      "application/relax-ng-compact-syntax": {
        source: "iana",
        extensions: ["rnc"]
      },
      "application/remote-printing": {
        source: "apache"
      },
      "application/reputon+json": {
        source: "iana",
        compressible: true
      },
      "application/resolve-response+jwt": {
        source: "iana"
      },
      "application/resource-lists+xml": {
        source: "iana",
        compressible: true,
        extensions: ["rl"]
      },
      "application/resource-lists-diff+xml": {
        source: "iana",
        compressible: true,
        extensions: ["rld"]
      },
      "application/rfc+xml": {
        source: "iana",
        compressible: true
      },
      "application/riscos": {
        source: "iana"
      },
      "application/rlmi+xml": {
        source: "iana",
        compressible: true
      },
      "application/rls-services+xml": {
        source: "iana",
        compressible: true,
        extensions: ["rs"]
      },
      "application/route-apd+xml": {
        source: "iana",
        compressible: true,
        extensions: ["rapd"]
      },
      "application/route-s-tsid+xml": {
        source: "iana",
        compressible: true,
        extensions: ["sls"]
      },
      "application/route-usd+xml": {
        source: "iana",
        compressible: true,
        extensions: ["rusd"]
      },
      "application/rpki-checklist": {
        source: "iana"
      },
      "application/rpki-ghostbusters": {
        source: "iana",
        extensions: ["gbr"]
      },
      "application/rpki-manifest": {
        source: "iana",
        extensions: ["mft"]
      },
      "application/rpki-publication": {
        source: "iana"
      },
      "application/rpki-roa": {
        source: "iana",
        extensions: ["roa"]
      },
      "application/rpki-signed-tal": {
        source: "iana"
      },
      "application/rpki-updown": {
        source: "iana"
      },
      "application/rsd+xml": {
        source: "apache",
        compressible: true,
        extensions: ["rsd"]
      },
      "application/rss+xml": {
        source: "apache",
        compressible: true,
        extensions: ["rss"]
      },
      "application/rtf": {
        source: "iana",
        compressible: true,
        extensions: ["rtf"]
      },
      "application/rtploopback": {
        source: "iana"
      },
      "application/rtx": {
        source: "iana"
      },
      "application/samlassertion+xml": {
        source: "iana",
        compressible: true
      },
      "application/samlmetadata+xml": {
        source: "iana",
        compressible: true
      },
      "application/sarif+json": {
        source: "iana",
        compressible: true
      },
      "application/sarif-external-properties+json": {
        source: "iana",
        compressible: true
      },
      "application/sbe": {
        source: "iana"
      },
      "application/sbml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["sbml"]
      },
      "application/scaip+xml": {
        source: "iana",
        compressible: true
      },
      "application/scim+json": {
        source: "iana",
        compressible: true
      },
      "application/scvp-cv-request": {
        source: "iana",
        extensions: ["scq"]
      },
      "application/scvp-cv-response": {
        source: "iana",
        extensions: ["scs"]
      },
      "application/scvp-vp-request": {
        source: "iana",
        extensions: ["spq"]
      },
      "application/scvp-vp-response": {
        source: "iana",
        extensions: ["spp"]
      },
      "application/sdp": {
        source: "iana",
        extensions: ["sdp"]
      },
      "application/secevent+jwt": {
        source: "iana"
      },
      "application/senml+cbor": {
        source: "iana"
      },
      "application/senml+json": {
        source: "iana",
        compressible: true
      },
      "application/senml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["senmlx"]
      },
      "application/senml-etch+cbor": {
        source: "iana"
      },
      "application/senml-etch+json": {
        source: "iana",
        compressible: true
      },
      "application/senml-exi": {
        source: "iana"
      },
      "application/sensml+cbor": {
        source: "iana"
      },
      "application/sensml+json": {
        source: "iana",
        compressible: true
      },
      "application/sensml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["sensmlx"]
      },
      "application/sensml-exi": {
        source: "iana"
      },
      "application/sep+xml": {
        source: "iana",
        compressible: true
      },
      "application/sep-exi": {
        source: "iana"
      },
      "application/session-info": {
        source: "iana"
      },
      "application/set-payment": {
        source: "iana"
      },
      "application/set-payment-initiation": {
        source: "iana",
        extensions: ["setpay"]
      },
      "application/set-registration": {
        source: "iana"
      },
      "application/set-registration-initiation": {
        source: "iana",
        extensions: ["setreg"]
      },
      "application/sgml": {
        source: "iana"
      },
      "application/sgml-open-catalog": {
        source: "iana"
      },
      "application/shf+xml": {
        source: "iana",
        compressible: true,
        extensions: ["shf"]
      },
      "application/sieve": {
        source: "iana",
        extensions: ["siv", "sieve"]
      },
      "application/simple-filter+xml": {
        source: "iana",
        compressible: true
      },
      "application/simple-message-summary": {
        source: "iana"
      },
      "application/simplesymbolcontainer": {
        source: "iana"
      },
      "application/sipc": {
        source: "iana"
      },
      "application/slate": {
        source: "iana"
      },
      "application/smil": {
        source: "apache"
      },
      "application/smil+xml": {
        source: "iana",
        compressible: true,
        extensions: ["smi", "smil"]
      },
      "application/smpte336m": {
        source: "iana"
      },
      "application/soap+fastinfoset": {
        source: "iana"
      },
      "application/soap+xml": {
        source: "iana",
        compressible: true
      },
      "application/sparql-query": {
        source: "iana",
        extensions: ["rq"]
      },
      "application/sparql-results+xml": {
        source: "iana",
        compressible: true,
        extensions: ["srx"]
      },
      "application/spdx+json": {
        source: "iana",
        compressible: true
      },
      "application/spirits-event+xml": {
        source: "iana",
        compressible: true
      },
      "application/sql": {
        source: "iana",
        extensions: ["sql"]
      },
      "application/srgs": {
        source: "iana",
        extensions: ["gram"]
      },
      "application/srgs+xml": {
        source: "iana",
        compressible: true,
        extensions: ["grxml"]
      },
      "application/sru+xml": {
        source: "iana",
        compressible: true,
        extensions: ["sru"]
      },
      "application/ssdl+xml": {
        source: "apache",
        compressible: true,
        extensions: ["ssdl"]
      },
      "application/sslkeylogfile": {
        source: "iana"
      },
      "application/ssml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["ssml"]
      },
      "application/st2110-41": {
        source: "iana"
      },
      "application/stix+json": {
        source: "iana",
        compressible: true
      },
      "application/stratum": {
        source: "iana"
      },
      "application/swid+cbor": {
        source: "iana"
      },
      "application/swid+xml": {
        source: "iana",
        compressible: true,
        extensions: ["swidtag"]
      },
      "application/tamp-apex-update": {
        source: "iana"
      },
      "application/tamp-apex-update-confirm": {
        source: "iana"
      },
      "application/tamp-community-update": {
        source: "iana"
      },
      "application/tamp-community-update-confirm": {
        source: "iana"
      },
      "application/tamp-error": {
        source: "iana"
      },
      "application/tamp-sequence-adjust": {
        source: "iana"
      },
      "application/tamp-sequence-adjust-confirm": {
        source: "iana"
      },
      "application/tamp-status-query": {
        source: "iana"
      },
      "application/tamp-status-response": {
        source: "iana"
      },
      "application/tamp-update": {
        source: "iana"
      },
      "application/tamp-update-confirm": {
        source: "iana"
      },
      "application/tar": {
        compressible: true
      },
      "application/taxii+json": {
        source: "iana",
        compressible: true
      },
      "application/td+json": {
        source: "iana",
        compressible: true
      },
      "application/tei+xml": {
        source: "iana",
        compressible: true,
        extensions: ["tei", "teicorpus"]
      },
      "application/tetra_isi": {
        source: "iana"
      },
      "application/thraud+xml": {
        source: "iana",
        compressible: true,
        extensions: ["tfi"]
      },
      "application/timestamp-query": {
        source: "iana"
      },
      "application/timestamp-reply": {
        source: "iana"
      },
      "application/timestamped-data": {
        source: "iana",
        extensions: ["tsd"]
      },
      "application/tlsrpt+gzip": {
        source: "iana"
      },
      "application/tlsrpt+json": {
        source: "iana",
        compressible: true
      },
      "application/tm+json": {
        source: "iana",
        compressible: true
      },
      "application/tnauthlist": {
        source: "iana"
      },
      "application/toc+cbor": {
        source: "iana"
      },
      "application/token-introspection+jwt": {
        source: "iana"
      },
      "application/toml": {
        source: "iana",
        compressible: true,
        extensions: ["toml"]
      },
      "application/trickle-ice-sdpfrag": {
        source: "iana"
      },
      "application/trig": {
        source: "iana",
        extensions: ["trig"]
      },
      "application/trust-chain+json": {
        source: "iana",
        compressible: true
      },
      "application/trust-mark+jwt": {
        source: "iana"
      },
      "application/trust-mark-delegation+jwt": {
        source: "iana"
      },
      "application/ttml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["ttml"]
      },
      "application/tve-trigger": {
        source: "iana"
      },
      "application/tzif": {
        source: "iana"
      },
      "application/tzif-leap": {
        source: "iana"
      },
      "application/ubjson": {
        compressible: false,
        extensions: ["ubj"]
      },
      "application/uccs+cbor": {
        source: "iana"
      },
      "application/ujcs+json": {
        source: "iana",
        compressible: true
      },
      "application/ulpfec": {
        source: "iana"
      },
      "application/urc-grpsheet+xml": {
        source: "iana",
        compressible: true
      },
      "application/urc-ressheet+xml": {
        source: "iana",
        compressible: true,
        extensions: ["rsheet"]
      },
      "application/urc-targetdesc+xml": {
        source: "iana",
        compressible: true,
        extensions: ["td"]
      },
      "application/urc-uisocketdesc+xml": {
        source: "iana",
        compressible: true
      },
      "application/vc": {
        source: "iana"
      },
      "application/vc+cose": {
        source: "iana"
      },
      "application/vc+jwt": {
        source: "iana"
      },
      "application/vcard+json": {
        source: "iana",
        compressible: true
      },
      "application/vcard+xml": {
        source: "iana",
        compressible: true
      },
      "application/vemmi": {
        source: "iana"
      },
      "application/vividence.scriptfile": {
        source: "apache"
      },
      "application/vnd.1000minds.decision-model+xml": {
        source: "iana",
        compressible: true,
        extensions: ["1km"]
      },
      "application/vnd.1ob": {
        source: "iana"
      },
      "application/vnd.3gpp-prose+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp-prose-pc3a+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp-prose-pc3ach+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp-prose-pc3ch+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp-prose-pc8+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp-v2x-local-service-information": {
        source: "iana"
      },
      "application/vnd.3gpp.5gnas": {
        source: "iana"
      },
      "application/vnd.3gpp.5gsa2x": {
        source: "iana"
      },
      "application/vnd.3gpp.5gsa2x-local-service-information": {
        source: "iana"
      },
      "application/vnd.3gpp.5gsv2x": {
        source: "iana"
      },
      "application/vnd.3gpp.5gsv2x-local-service-information": {
        source: "iana"
      },
      "application/vnd.3gpp.access-transfer-events+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.bsf+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.crs+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.current-location-discovery+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.gmop+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.gtpc": {
        source: "iana"
      },
      "application/vnd.3gpp.interworking-data": {
        source: "iana"
      },
      "application/vnd.3gpp.lpp": {
        source: "iana"
      },
      "application/vnd.3gpp.mc-signalling-ear": {
        source: "iana"
      },
      "application/vnd.3gpp.mcdata-affiliation-command+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcdata-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcdata-msgstore-ctrl-request+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcdata-payload": {
        source: "iana"
      },
      "application/vnd.3gpp.mcdata-regroup+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcdata-service-config+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcdata-signalling": {
        source: "iana"
      },
      "application/vnd.3gpp.mcdata-ue-config+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcdata-user-profile+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcptt-affiliation-command+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcptt-floor-request+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcptt-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcptt-location-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcptt-mbms-usage-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcptt-regroup+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcptt-service-config+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcptt-signed+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcptt-ue-config+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcptt-ue-init-config+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcptt-user-profile+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcvideo-affiliation-command+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcvideo-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcvideo-location-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcvideo-mbms-usage-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcvideo-regroup+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcvideo-service-config+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcvideo-transmission-request+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcvideo-ue-config+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mcvideo-user-profile+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.mid-call+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.ngap": {
        source: "iana"
      },
      "application/vnd.3gpp.pfcp": {
        source: "iana"
      },
      "application/vnd.3gpp.pic-bw-large": {
        source: "iana",
        extensions: ["plb"]
      },
      "application/vnd.3gpp.pic-bw-small": {
        source: "iana",
        extensions: ["psb"]
      },
      "application/vnd.3gpp.pic-bw-var": {
        source: "iana",
        extensions: ["pvb"]
      },
      "application/vnd.3gpp.pinapp-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.s1ap": {
        source: "iana"
      },
      "application/vnd.3gpp.seal-group-doc+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.seal-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.seal-location-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.seal-mbms-usage-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.seal-network-qos-management-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.seal-ue-config-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.seal-unicast-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.seal-user-profile-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.sms": {
        source: "iana"
      },
      "application/vnd.3gpp.sms+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.srvcc-ext+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.srvcc-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.state-and-event-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.ussd+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp.v2x": {
        source: "iana"
      },
      "application/vnd.3gpp.vae-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp2.bcmcsinfo+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.3gpp2.sms": {
        source: "iana"
      },
      "application/vnd.3gpp2.tcap": {
        source: "iana",
        extensions: ["tcap"]
      },
      "application/vnd.3lightssoftware.imagescal": {
        source: "iana"
      },
      "application/vnd.3m.post-it-notes": {
        source: "iana",
        extensions: ["pwn"]
      },
      "application/vnd.accpac.simply.aso": {
        source: "iana",
        extensions: ["aso"]
      },
      "application/vnd.accpac.simply.imp": {
        source: "iana",
        extensions: ["imp"]
      },
      "application/vnd.acm.addressxfer+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.acm.chatbot+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.acucobol": {
        source: "iana",
        extensions: ["acu"]
      },
      "application/vnd.acucorp": {
        source: "iana",
        extensions: ["atc", "acutc"]
      },
      "application/vnd.adobe.air-application-installer-package+zip": {
        source: "apache",
        compressible: false,
        extensions: ["air"]
      },
      "application/vnd.adobe.flash.movie": {
        source: "iana"
      },
      "application/vnd.adobe.formscentral.fcdt": {
        source: "iana",
        extensions: ["fcdt"]
      },
      "application/vnd.adobe.fxp": {
        source: "iana",
        extensions: ["fxp", "fxpl"]
      },
      "application/vnd.adobe.partial-upload": {
        source: "iana"
      },
      "application/vnd.adobe.xdp+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xdp"]
      },
      "application/vnd.adobe.xfdf": {
        source: "apache",
        extensions: ["xfdf"]
      },
      "application/vnd.aether.imp": {
        source: "iana"
      },
      "application/vnd.afpc.afplinedata": {
        source: "iana"
      },
      "application/vnd.afpc.afplinedata-pagedef": {
        source: "iana"
      },
      "application/vnd.afpc.cmoca-cmresource": {
        source: "iana"
      },
      "application/vnd.afpc.foca-charset": {
        source: "iana"
      },
      "application/vnd.afpc.foca-codedfont": {
        source: "iana"
      },
      "application/vnd.afpc.foca-codepage": {
        source: "iana"
      },
      "application/vnd.afpc.modca": {
        source: "iana"
      },
      "application/vnd.afpc.modca-cmtable": {
        source: "iana"
      },
      "application/vnd.afpc.modca-formdef": {
        source: "iana"
      },
      "application/vnd.afpc.modca-mediummap": {
        source: "iana"
      },
      "application/vnd.afpc.modca-objectcontainer": {
        source: "iana"
      },
      "application/vnd.afpc.modca-overlay": {
        source: "iana"
      },
      "application/vnd.afpc.modca-pagesegment": {
        source: "iana"
      },
      "application/vnd.age": {
        source: "iana",
        extensions: ["age"]
      },
      "application/vnd.ah-barcode": {
        source: "apache"
      },
      "application/vnd.ahead.space": {
        source: "iana",
        extensions: ["ahead"]
      },
      "application/vnd.airzip.filesecure.azf": {
        source: "iana",
        extensions: ["azf"]
      },
      "application/vnd.airzip.filesecure.azs": {
        source: "iana",
        extensions: ["azs"]
      },
      "application/vnd.amadeus+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.amazon.ebook": {
        source: "apache",
        extensions: ["azw"]
      },
      "application/vnd.amazon.mobi8-ebook": {
        source: "iana"
      },
      "application/vnd.americandynamics.acc": {
        source: "iana",
        extensions: ["acc"]
      },
      "application/vnd.amiga.ami": {
        source: "iana",
        extensions: ["ami"]
      },
      "application/vnd.amundsen.maze+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.android.ota": {
        source: "iana"
      },
      "application/vnd.android.package-archive": {
        source: "apache",
        compressible: false,
        extensions: ["apk"]
      },
      "application/vnd.anki": {
        source: "iana"
      },
      "application/vnd.anser-web-certificate-issue-initiation": {
        source: "iana",
        extensions: ["cii"]
      },
      "application/vnd.anser-web-funds-transfer-initiation": {
        source: "apache",
        extensions: ["fti"]
      },
      "application/vnd.antix.game-component": {
        source: "iana",
        extensions: ["atx"]
      },
      "application/vnd.apache.arrow.file": {
        source: "iana"
      },
      "application/vnd.apache.arrow.stream": {
        source: "iana"
      },
      "application/vnd.apache.parquet": {
        source: "iana"
      },
      "application/vnd.apache.thrift.binary": {
        source: "iana"
      },
      "application/vnd.apache.thrift.compact": {
        source: "iana"
      },
      "application/vnd.apache.thrift.json": {
        source: "iana"
      },
      "application/vnd.apexlang": {
        source: "iana"
      },
      "application/vnd.api+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.aplextor.warrp+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.apothekende.reservation+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.apple.installer+xml": {
        source: "iana",
        compressible: true,
        extensions: ["mpkg"]
      },
      "application/vnd.apple.keynote": {
        source: "iana",
        extensions: ["key"]
      },
      "application/vnd.apple.mpegurl": {
        source: "iana",
        extensions: ["m3u8"]
      },
      "application/vnd.apple.numbers": {
        source: "iana",
        extensions: ["numbers"]
      },
      "application/vnd.apple.pages": {
        source: "iana",
        extensions: ["pages"]
      },
      "application/vnd.apple.pkpass": {
        compressible: false,
        extensions: ["pkpass"]
      },
      "application/vnd.arastra.swi": {
        source: "apache"
      },
      "application/vnd.aristanetworks.swi": {
        source: "iana",
        extensions: ["swi"]
      },
      "application/vnd.artisan+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.artsquare": {
        source: "iana"
      },
      "application/vnd.astraea-software.iota": {
        source: "iana",
        extensions: ["iota"]
      },
      "application/vnd.audiograph": {
        source: "iana",
        extensions: ["aep"]
      },
      "application/vnd.autodesk.fbx": {
        extensions: ["fbx"]
      },
      "application/vnd.autopackage": {
        source: "iana"
      },
      "application/vnd.avalon+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.avistar+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.balsamiq.bmml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["bmml"]
      },
      "application/vnd.balsamiq.bmpr": {
        source: "iana"
      },
      "application/vnd.banana-accounting": {
        source: "iana"
      },
      "application/vnd.bbf.usp.error": {
        source: "iana"
      },
      "application/vnd.bbf.usp.msg": {
        source: "iana"
      },
      "application/vnd.bbf.usp.msg+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.bekitzur-stech+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.belightsoft.lhzd+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.belightsoft.lhzl+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.bint.med-content": {
        source: "iana"
      },
      "application/vnd.biopax.rdf+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.blink-idb-value-wrapper": {
        source: "iana"
      },
      "application/vnd.blueice.multipass": {
        source: "iana",
        extensions: ["mpm"]
      },
      "application/vnd.bluetooth.ep.oob": {
        source: "iana"
      },
      "application/vnd.bluetooth.le.oob": {
        source: "iana"
      },
      "application/vnd.bmi": {
        source: "iana",
        extensions: ["bmi"]
      },
      "application/vnd.bpf": {
        source: "iana"
      },
      "application/vnd.bpf3": {
        source: "iana"
      },
      "application/vnd.businessobjects": {
        source: "iana",
        extensions: ["rep"]
      },
      "application/vnd.byu.uapi+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.bzip3": {
        source: "iana"
      },
      "application/vnd.c3voc.schedule+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.cab-jscript": {
        source: "iana"
      },
      "application/vnd.canon-cpdl": {
        source: "iana"
      },
      "application/vnd.canon-lips": {
        source: "iana"
      },
      "application/vnd.capasystems-pg+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.cendio.thinlinc.clientconf": {
        source: "iana"
      },
      "application/vnd.century-systems.tcp_stream": {
        source: "iana"
      },
      "application/vnd.chemdraw+xml": {
        source: "iana",
        compressible: true,
        extensions: ["cdxml"]
      },
      "application/vnd.chess-pgn": {
        source: "iana"
      },
      "application/vnd.chipnuts.karaoke-mmd": {
        source: "iana",
        extensions: ["mmd"]
      },
      "application/vnd.ciedi": {
        source: "iana"
      },
      "application/vnd.cinderella": {
        source: "iana",
        extensions: ["cdy"]
      },
      "application/vnd.cirpack.isdn-ext": {
        source: "iana"
      },
      "application/vnd.citationstyles.style+xml": {
        source: "iana",
        compressible: true,
        extensions: ["csl"]
      },
      "application/vnd.claymore": {
        source: "iana",
        extensions: ["cla"]
      },
      "application/vnd.cloanto.rp9": {
        source: "iana",
        extensions: ["rp9"]
      },
      "application/vnd.clonk.c4group": {
        source: "iana",
        extensions: ["c4g", "c4d", "c4f", "c4p", "c4u"]
      },
      "application/vnd.cluetrust.cartomobile-config": {
        source: "iana",
        extensions: ["c11amc"]
      },
      "application/vnd.cluetrust.cartomobile-config-pkg": {
        source: "iana",
        extensions: ["c11amz"]
      },
      "application/vnd.cncf.helm.chart.content.v1.tar+gzip": {
        source: "iana"
      },
      "application/vnd.cncf.helm.chart.provenance.v1.prov": {
        source: "iana"
      },
      "application/vnd.cncf.helm.config.v1+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.coffeescript": {
        source: "iana"
      },
      "application/vnd.collabio.xodocuments.document": {
        source: "iana"
      },
      "application/vnd.collabio.xodocuments.document-template": {
        source: "iana"
      },
      "application/vnd.collabio.xodocuments.presentation": {
        source: "iana"
      },
      "application/vnd.collabio.xodocuments.presentation-template": {
        source: "iana"
      },
      "application/vnd.collabio.xodocuments.spreadsheet": {
        source: "iana"
      },
      "application/vnd.collabio.xodocuments.spreadsheet-template": {
        source: "iana"
      },
      "application/vnd.collection+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.collection.doc+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.collection.next+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.comicbook+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.comicbook-rar": {
        source: "iana"
      },
      "application/vnd.commerce-battelle": {
        source: "iana"
      },
      "application/vnd.commonspace": {
        source: "iana",
        extensions: ["csp"]
      },
      "application/vnd.contact.cmsg": {
        source: "iana",
        extensions: ["cdbcmsg"]
      },
      "application/vnd.coreos.ignition+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.cosmocaller": {
        source: "iana",
        extensions: ["cmc"]
      },
      "application/vnd.crick.clicker": {
        source: "iana",
        extensions: ["clkx"]
      },
      "application/vnd.crick.clicker.keyboard": {
        source: "iana",
        extensions: ["clkk"]
      },
      "application/vnd.crick.clicker.palette": {
        source: "iana",
        extensions: ["clkp"]
      },
      "application/vnd.crick.clicker.template": {
        source: "iana",
        extensions: ["clkt"]
      },
      "application/vnd.crick.clicker.wordbank": {
        source: "iana",
        extensions: ["clkw"]
      },
      "application/vnd.criticaltools.wbs+xml": {
        source: "iana",
        compressible: true,
        extensions: ["wbs"]
      },
      "application/vnd.cryptii.pipe+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.crypto-shade-file": {
        source: "iana"
      },
      "application/vnd.cryptomator.encrypted": {
        source: "iana"
      },
      "application/vnd.cryptomator.vault": {
        source: "iana"
      },
      "application/vnd.ctc-posml": {
        source: "iana",
        extensions: ["pml"]
      },
      "application/vnd.ctct.ws+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.cups-pdf": {
        source: "iana"
      },
      "application/vnd.cups-postscript": {
        source: "iana"
      },
      "application/vnd.cups-ppd": {
        source: "iana",
        extensions: ["ppd"]
      },
      "application/vnd.cups-raster": {
        source: "iana"
      },
      "application/vnd.cups-raw": {
        source: "iana"
      },
      "application/vnd.curl": {
        source: "iana"
      },
      "application/vnd.curl.car": {
        source: "apache",
        extensions: ["car"]
      },
      "application/vnd.curl.pcurl": {
        source: "apache",
        extensions: ["pcurl"]
      },
      "application/vnd.cyan.dean.root+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.cybank": {
        source: "iana"
      },
      "application/vnd.cyclonedx+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.cyclonedx+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.d2l.coursepackage1p0+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.d3m-dataset": {
        source: "iana"
      },
      "application/vnd.d3m-problem": {
        source: "iana"
      },
      "application/vnd.dart": {
        source: "iana",
        compressible: true,
        extensions: ["dart"]
      },
      "application/vnd.data-vision.rdz": {
        source: "iana",
        extensions: ["rdz"]
      },
      "application/vnd.datalog": {
        source: "iana"
      },
      "application/vnd.datapackage+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.dataresource+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.dbf": {
        source: "iana",
        extensions: ["dbf"]
      },
      "application/vnd.dcmp+xml": {
        source: "iana",
        compressible: true,
        extensions: ["dcmp"]
      },
      "application/vnd.debian.binary-package": {
        source: "iana"
      },
      "application/vnd.dece.data": {
        source: "iana",
        extensions: ["uvf", "uvvf", "uvd", "uvvd"]
      },
      "application/vnd.dece.ttml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["uvt", "uvvt"]
      },
      "application/vnd.dece.unspecified": {
        source: "iana",
        extensions: ["uvx", "uvvx"]
      },
      "application/vnd.dece.zip": {
        source: "iana",
        extensions: ["uvz", "uvvz"]
      },
      "application/vnd.denovo.fcselayout-link": {
        source: "iana",
        extensions: ["fe_launch"]
      },
      "application/vnd.desmume.movie": {
        source: "iana"
      },
      "application/vnd.dir-bi.plate-dl-nosuffix": {
        source: "iana"
      },
      "application/vnd.dm.delegation+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.dna": {
        source: "iana",
        extensions: ["dna"]
      },
      "application/vnd.document+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.dolby.mlp": {
        source: "apache",
        extensions: ["mlp"]
      },
      "application/vnd.dolby.mobile.1": {
        source: "iana"
      },
      "application/vnd.dolby.mobile.2": {
        source: "iana"
      },
      "application/vnd.doremir.scorecloud-binary-document": {
        source: "iana"
      },
      "application/vnd.dpgraph": {
        source: "iana",
        extensions: ["dpg"]
      },
      "application/vnd.dreamfactory": {
        source: "iana",
        extensions: ["dfac"]
      },
      "application/vnd.drive+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.ds-keypoint": {
        source: "apache",
        extensions: ["kpxx"]
      },
      "application/vnd.dtg.local": {
        source: "iana"
      },
      "application/vnd.dtg.local.flash": {
        source: "iana"
      },
      "application/vnd.dtg.local.html": {
        source: "iana"
      },
      "application/vnd.dvb.ait": {
        source: "iana",
        extensions: ["ait"]
      },
      "application/vnd.dvb.dvbisl+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.dvb.dvbj": {
        source: "iana"
      },
      "application/vnd.dvb.esgcontainer": {
        source: "iana"
      },
      "application/vnd.dvb.ipdcdftnotifaccess": {
        source: "iana"
      },
      "application/vnd.dvb.ipdcesgaccess": {
        source: "iana"
      },
      "application/vnd.dvb.ipdcesgaccess2": {
        source: "iana"
      },
      "application/vnd.dvb.ipdcesgpdd": {
        source: "iana"
      },
      "application/vnd.dvb.ipdcroaming": {
        source: "iana"
      },
      "application/vnd.dvb.iptv.alfec-base": {
        source: "iana"
      },
      "application/vnd.dvb.iptv.alfec-enhancement": {
        source: "iana"
      },
      "application/vnd.dvb.notif-aggregate-root+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.dvb.notif-container+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.dvb.notif-generic+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.dvb.notif-ia-msglist+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.dvb.notif-ia-registration-request+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.dvb.notif-ia-registration-response+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.dvb.notif-init+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.dvb.pfr": {
        source: "iana"
      },
      "application/vnd.dvb.service": {
        source: "iana",
        extensions: ["svc"]
      },
      "application/vnd.dxr": {
        source: "iana"
      },
      "application/vnd.dynageo": {
        source: "iana",
        extensions: ["geo"]
      },
      "application/vnd.dzr": {
        source: "iana"
      },
      "application/vnd.easykaraoke.cdgdownload": {
        source: "iana"
      },
      "application/vnd.ecdis-update": {
        source: "iana"
      },
      "application/vnd.ecip.rlp": {
        source: "iana"
      },
      "application/vnd.eclipse.ditto+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.ecowin.chart": {
        source: "iana",
        extensions: ["mag"]
      },
      "application/vnd.ecowin.filerequest": {
        source: "iana"
      },
      "application/vnd.ecowin.fileupdate": {
        source: "iana"
      },
      "application/vnd.ecowin.series": {
        source: "iana"
      },
      "application/vnd.ecowin.seriesrequest": {
        source: "iana"
      },
      "application/vnd.ecowin.seriesupdate": {
        source: "iana"
      },
      "application/vnd.efi.img": {
        source: "iana"
      },
      "application/vnd.efi.iso": {
        source: "iana"
      },
      "application/vnd.eln+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.emclient.accessrequest+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.enliven": {
        source: "iana",
        extensions: ["nml"]
      },
      "application/vnd.enphase.envoy": {
        source: "iana"
      },
      "application/vnd.eprints.data+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.epson.esf": {
        source: "iana",
        extensions: ["esf"]
      },
      "application/vnd.epson.msf": {
        source: "iana",
        extensions: ["msf"]
      },
      "application/vnd.epson.quickanime": {
        source: "iana",
        extensions: ["qam"]
      },
      "application/vnd.epson.salt": {
        source: "iana",
        extensions: ["slt"]
      },
      "application/vnd.epson.ssf": {
        source: "iana",
        extensions: ["ssf"]
      },
      "application/vnd.ericsson.quickcall": {
        source: "iana"
      },
      "application/vnd.erofs": {
        source: "iana"
      },
      "application/vnd.espass-espass+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.eszigno3+xml": {
        source: "iana",
        compressible: true,
        extensions: ["es3", "et3"]
      },
      "application/vnd.etsi.aoc+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.asic-e+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.etsi.asic-s+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.etsi.cug+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.iptvcommand+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.iptvdiscovery+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.iptvprofile+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.iptvsad-bc+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.iptvsad-cod+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.iptvsad-npvr+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.iptvservice+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.iptvsync+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.iptvueprofile+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.mcid+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.mheg5": {
        source: "iana"
      },
      "application/vnd.etsi.overload-control-policy-dataset+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.pstn+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.sci+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.simservs+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.timestamp-token": {
        source: "iana"
      },
      "application/vnd.etsi.tsl+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.etsi.tsl.der": {
        source: "iana"
      },
      "application/vnd.eu.kasparian.car+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.eudora.data": {
        source: "iana"
      },
      "application/vnd.evolv.ecig.profile": {
        source: "iana"
      },
      "application/vnd.evolv.ecig.settings": {
        source: "iana"
      },
      "application/vnd.evolv.ecig.theme": {
        source: "iana"
      },
      "application/vnd.exstream-empower+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.exstream-package": {
        source: "iana"
      },
      "application/vnd.ezpix-album": {
        source: "iana",
        extensions: ["ez2"]
      },
      "application/vnd.ezpix-package": {
        source: "iana",
        extensions: ["ez3"]
      },
      "application/vnd.f-secure.mobile": {
        source: "iana"
      },
      "application/vnd.familysearch.gedcom+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.fastcopy-disk-image": {
        source: "iana"
      },
      "application/vnd.fdf": {
        source: "apache",
        extensions: ["fdf"]
      },
      "application/vnd.fdsn.mseed": {
        source: "iana",
        extensions: ["mseed"]
      },
      "application/vnd.fdsn.seed": {
        source: "iana",
        extensions: ["seed", "dataless"]
      },
      "application/vnd.fdsn.stationxml+xml": {
        source: "iana",
        charset: "XML-BASED",
        compressible: true
      },
      "application/vnd.ffsns": {
        source: "iana"
      },
      "application/vnd.ficlab.flb+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.filmit.zfc": {
        source: "iana"
      },
      "application/vnd.fints": {
        source: "iana"
      },
      "application/vnd.firemonkeys.cloudcell": {
        source: "iana"
      },
      "application/vnd.flographit": {
        source: "iana",
        extensions: ["gph"]
      },
      "application/vnd.fluxtime.clip": {
        source: "iana",
        extensions: ["ftc"]
      },
      "application/vnd.font-fontforge-sfd": {
        source: "iana"
      },
      "application/vnd.framemaker": {
        source: "iana",
        extensions: ["fm", "frame", "maker", "book"]
      },
      "application/vnd.freelog.comic": {
        source: "iana"
      },
      "application/vnd.frogans.fnc": {
        source: "apache",
        extensions: ["fnc"]
      },
      "application/vnd.frogans.ltf": {
        source: "apache",
        extensions: ["ltf"]
      },
      "application/vnd.fsc.weblaunch": {
        source: "iana",
        extensions: ["fsc"]
      },
      "application/vnd.fujifilm.fb.docuworks": {
        source: "iana"
      },
      "application/vnd.fujifilm.fb.docuworks.binder": {
        source: "iana"
      },
      "application/vnd.fujifilm.fb.docuworks.container": {
        source: "iana"
      },
      "application/vnd.fujifilm.fb.jfi+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.fujitsu.oasys": {
        source: "iana",
        extensions: ["oas"]
      },
      "application/vnd.fujitsu.oasys2": {
        source: "iana",
        extensions: ["oa2"]
      },
      "application/vnd.fujitsu.oasys3": {
        source: "iana",
        extensions: ["oa3"]
      },
      "application/vnd.fujitsu.oasysgp": {
        source: "iana",
        extensions: ["fg5"]
      },
      "application/vnd.fujitsu.oasysprs": {
        source: "iana",
        extensions: ["bh2"]
      },
      "application/vnd.fujixerox.art-ex": {
        source: "iana"
      },
      "application/vnd.fujixerox.art4": {
        source: "iana"
      },
      "application/vnd.fujixerox.ddd": {
        source: "iana",
        extensions: ["ddd"]
      },
      "application/vnd.fujixerox.docuworks": {
        source: "iana",
        extensions: ["xdw"]
      },
      "application/vnd.fujixerox.docuworks.binder": {
        source: "iana",
        extensions: ["xbd"]
      },
      "application/vnd.fujixerox.docuworks.container": {
        source: "iana"
      },
      "application/vnd.fujixerox.hbpl": {
        source: "iana"
      },
      "application/vnd.fut-misnet": {
        source: "iana"
      },
      "application/vnd.futoin+cbor": {
        source: "iana"
      },
      "application/vnd.futoin+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.fuzzysheet": {
        source: "iana",
        extensions: ["fzs"]
      },
      "application/vnd.ga4gh.passport+jwt": {
        source: "iana"
      },
      "application/vnd.genomatix.tuxedo": {
        source: "iana",
        extensions: ["txd"]
      },
      "application/vnd.genozip": {
        source: "iana"
      },
      "application/vnd.gentics.grd+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.gentoo.catmetadata+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.gentoo.ebuild": {
        source: "iana"
      },
      "application/vnd.gentoo.eclass": {
        source: "iana"
      },
      "application/vnd.gentoo.gpkg": {
        source: "iana"
      },
      "application/vnd.gentoo.manifest": {
        source: "iana"
      },
      "application/vnd.gentoo.pkgmetadata+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.gentoo.xpak": {
        source: "iana"
      },
      "application/vnd.geo+json": {
        source: "apache",
        compressible: true
      },
      "application/vnd.geocube+xml": {
        source: "apache",
        compressible: true
      },
      "application/vnd.geogebra.file": {
        source: "iana",
        extensions: ["ggb"]
      },
      "application/vnd.geogebra.pinboard": {
        source: "iana"
      },
      "application/vnd.geogebra.slides": {
        source: "iana",
        extensions: ["ggs"]
      },
      "application/vnd.geogebra.tool": {
        source: "iana",
        extensions: ["ggt"]
      },
      "application/vnd.geometry-explorer": {
        source: "iana",
        extensions: ["gex", "gre"]
      },
      "application/vnd.geonext": {
        source: "iana",
        extensions: ["gxt"]
      },
      "application/vnd.geoplan": {
        source: "iana",
        extensions: ["g2w"]
      },
      "application/vnd.geospace": {
        source: "iana",
        extensions: ["g3w"]
      },
      "application/vnd.gerber": {
        source: "iana"
      },
      "application/vnd.globalplatform.card-content-mgt": {
        source: "iana"
      },
      "application/vnd.globalplatform.card-content-mgt-response": {
        source: "iana"
      },
      "application/vnd.gmx": {
        source: "iana",
        extensions: ["gmx"]
      },
      "application/vnd.gnu.taler.exchange+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.gnu.taler.merchant+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.google-apps.audio": {},
      "application/vnd.google-apps.document": {
        compressible: false,
        extensions: ["gdoc"]
      },
      "application/vnd.google-apps.drawing": {
        compressible: false,
        extensions: ["gdraw"]
      },
      "application/vnd.google-apps.drive-sdk": {
        compressible: false
      },
      "application/vnd.google-apps.file": {},
      "application/vnd.google-apps.folder": {
        compressible: false
      },
      "application/vnd.google-apps.form": {
        compressible: false,
        extensions: ["gform"]
      },
      "application/vnd.google-apps.fusiontable": {},
      "application/vnd.google-apps.jam": {
        compressible: false,
        extensions: ["gjam"]
      },
      "application/vnd.google-apps.mail-layout": {},
      "application/vnd.google-apps.map": {
        compressible: false,
        extensions: ["gmap"]
      },
      "application/vnd.google-apps.photo": {},
      "application/vnd.google-apps.presentation": {
        compressible: false,
        extensions: ["gslides"]
      },
      "application/vnd.google-apps.script": {
        compressible: false,
        extensions: ["gscript"]
      },
      "application/vnd.google-apps.shortcut": {},
      "application/vnd.google-apps.site": {
        compressible: false,
        extensions: ["gsite"]
      },
      "application/vnd.google-apps.spreadsheet": {
        compressible: false,
        extensions: ["gsheet"]
      },
      "application/vnd.google-apps.unknown": {},
      "application/vnd.google-apps.video": {},
      "application/vnd.google-earth.kml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["kml"]
      },
      "application/vnd.google-earth.kmz": {
        source: "iana",
        compressible: false,
        extensions: ["kmz"]
      },
      "application/vnd.gov.sk.e-form+xml": {
        source: "apache",
        compressible: true
      },
      "application/vnd.gov.sk.e-form+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.gov.sk.xmldatacontainer+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xdcf"]
      },
      "application/vnd.gpxsee.map+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.grafeq": {
        source: "iana",
        extensions: ["gqf", "gqs"]
      },
      "application/vnd.gridmp": {
        source: "iana"
      },
      "application/vnd.groove-account": {
        source: "iana",
        extensions: ["gac"]
      },
      "application/vnd.groove-help": {
        source: "iana",
        extensions: ["ghf"]
      },
      "application/vnd.groove-identity-message": {
        source: "iana",
        extensions: ["gim"]
      },
      "application/vnd.groove-injector": {
        source: "iana",
        extensions: ["grv"]
      },
      "application/vnd.groove-tool-message": {
        source: "iana",
        extensions: ["gtm"]
      },
      "application/vnd.groove-tool-template": {
        source: "iana",
        extensions: ["tpl"]
      },
      "application/vnd.groove-vcard": {
        source: "iana",
        extensions: ["vcg"]
      },
      "application/vnd.hal+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.hal+xml": {
        source: "iana",
        compressible: true,
        extensions: ["hal"]
      },
      "application/vnd.handheld-entertainment+xml": {
        source: "iana",
        compressible: true,
        extensions: ["zmm"]
      },
      "application/vnd.hbci": {
        source: "iana",
        extensions: ["hbci"]
      },
      "application/vnd.hc+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.hcl-bireports": {
        source: "iana"
      },
      "application/vnd.hdt": {
        source: "iana"
      },
      "application/vnd.heroku+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.hhe.lesson-player": {
        source: "iana",
        extensions: ["les"]
      },
      "application/vnd.hp-hpgl": {
        source: "iana",
        extensions: ["hpgl"]
      },
      "application/vnd.hp-hpid": {
        source: "iana",
        extensions: ["hpid"]
      },
      "application/vnd.hp-hps": {
        source: "iana",
        extensions: ["hps"]
      },
      "application/vnd.hp-jlyt": {
        source: "iana",
        extensions: ["jlt"]
      },
      "application/vnd.hp-pcl": {
        source: "iana",
        extensions: ["pcl"]
      },
      "application/vnd.hp-pclxl": {
        source: "iana",
        extensions: ["pclxl"]
      },
      "application/vnd.hsl": {
        source: "iana"
      },
      "application/vnd.httphone": {
        source: "iana"
      },
      "application/vnd.hydrostatix.sof-data": {
        source: "iana",
        extensions: ["sfd-hdstx"]
      },
      "application/vnd.hyper+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.hyper-item+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.hyperdrive+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.hzn-3d-crossword": {
        source: "iana"
      },
      "application/vnd.ibm.afplinedata": {
        source: "apache"
      },
      "application/vnd.ibm.electronic-media": {
        source: "iana"
      },
      "application/vnd.ibm.minipay": {
        source: "iana",
        extensions: ["mpy"]
      },
      "application/vnd.ibm.modcap": {
        source: "apache",
        extensions: ["afp", "listafp", "list3820"]
      },
      "application/vnd.ibm.rights-management": {
        source: "iana",
        extensions: ["irm"]
      },
      "application/vnd.ibm.secure-container": {
        source: "iana",
        extensions: ["sc"]
      },
      "application/vnd.iccprofile": {
        source: "iana",
        extensions: ["icc", "icm"]
      },
      "application/vnd.ieee.1905": {
        source: "iana"
      },
      "application/vnd.igloader": {
        source: "iana",
        extensions: ["igl"]
      },
      "application/vnd.imagemeter.folder+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.imagemeter.image+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.immervision-ivp": {
        source: "iana",
        extensions: ["ivp"]
      },
      "application/vnd.immervision-ivu": {
        source: "iana",
        extensions: ["ivu"]
      },
      "application/vnd.ims.imsccv1p1": {
        source: "iana"
      },
      "application/vnd.ims.imsccv1p2": {
        source: "iana"
      },
      "application/vnd.ims.imsccv1p3": {
        source: "iana"
      },
      "application/vnd.ims.lis.v2.result+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.ims.lti.v2.toolconsumerprofile+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.ims.lti.v2.toolproxy+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.ims.lti.v2.toolproxy.id+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.ims.lti.v2.toolsettings+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.ims.lti.v2.toolsettings.simple+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.informedcontrol.rms+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.informix-visionary": {
        source: "apache"
      },
      "application/vnd.infotech.project": {
        source: "iana"
      },
      "application/vnd.infotech.project+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.innopath.wamp.notification": {
        source: "iana"
      },
      "application/vnd.insors.igm": {
        source: "iana",
        extensions: ["igm"]
      },
      "application/vnd.intercon.formnet": {
        source: "iana",
        extensions: ["xpw", "xpx"]
      },
      "application/vnd.intergeo": {
        source: "iana",
        extensions: ["i2g"]
      },
      "application/vnd.intertrust.digibox": {
        source: "iana"
      },
      "application/vnd.intertrust.nncp": {
        source: "iana"
      },
      "application/vnd.intu.qbo": {
        source: "iana",
        extensions: ["qbo"]
      },
      "application/vnd.intu.qfx": {
        source: "iana",
        extensions: ["qfx"]
      },
      "application/vnd.ipfs.ipns-record": {
        source: "iana"
      },
      "application/vnd.ipld.car": {
        source: "iana"
      },
      "application/vnd.ipld.dag-cbor": {
        source: "iana"
      },
      "application/vnd.ipld.dag-json": {
        source: "iana"
      },
      "application/vnd.ipld.raw": {
        source: "iana"
      },
      "application/vnd.iptc.g2.catalogitem+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.iptc.g2.conceptitem+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.iptc.g2.knowledgeitem+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.iptc.g2.newsitem+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.iptc.g2.newsmessage+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.iptc.g2.packageitem+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.iptc.g2.planningitem+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.ipunplugged.rcprofile": {
        source: "iana",
        extensions: ["rcprofile"]
      },
      "application/vnd.irepository.package+xml": {
        source: "iana",
        compressible: true,
        extensions: ["irp"]
      },
      "application/vnd.is-xpr": {
        source: "iana",
        extensions: ["xpr"]
      },
      "application/vnd.isac.fcs": {
        source: "iana",
        extensions: ["fcs"]
      },
      "application/vnd.iso11783-10+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.jam": {
        source: "iana",
        extensions: ["jam"]
      },
      "application/vnd.japannet-directory-service": {
        source: "iana"
      },
      "application/vnd.japannet-jpnstore-wakeup": {
        source: "iana"
      },
      "application/vnd.japannet-payment-wakeup": {
        source: "iana"
      },
      "application/vnd.japannet-registration": {
        source: "iana"
      },
      "application/vnd.japannet-registration-wakeup": {
        source: "iana"
      },
      "application/vnd.japannet-setstore-wakeup": {
        source: "iana"
      },
      "application/vnd.japannet-verification": {
        source: "iana"
      },
      "application/vnd.japannet-verification-wakeup": {
        source: "iana"
      },
      "application/vnd.jcp.javame.midlet-rms": {
        source: "iana",
        extensions: ["rms"]
      },
      "application/vnd.jisp": {
        source: "iana",
        extensions: ["jisp"]
      },
      "application/vnd.joost.joda-archive": {
        source: "iana",
        extensions: ["joda"]
      },
      "application/vnd.jsk.isdn-ngn": {
        source: "iana"
      },
      "application/vnd.kahootz": {
        source: "iana",
        extensions: ["ktz", "ktr"]
      },
      "application/vnd.kde.karbon": {
        source: "iana",
        extensions: ["karbon"]
      },
      "application/vnd.kde.kchart": {
        source: "iana",
        extensions: ["chrt"]
      },
      "application/vnd.kde.kformula": {
        source: "iana",
        extensions: ["kfo"]
      },
      "application/vnd.kde.kivio": {
        source: "iana",
        extensions: ["flw"]
      },
      "application/vnd.kde.kontour": {
        source: "iana",
        extensions: ["kon"]
      },
      "application/vnd.kde.kpresenter": {
        source: "iana",
        extensions: ["kpr", "kpt"]
      },
      "application/vnd.kde.kspread": {
        source: "iana",
        extensions: ["ksp"]
      },
      "application/vnd.kde.kword": {
        source: "iana",
        extensions: ["kwd", "kwt"]
      },
      "application/vnd.kdl": {
        source: "iana"
      },
      "application/vnd.kenameaapp": {
        source: "iana",
        extensions: ["htke"]
      },
      "application/vnd.keyman.kmp+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.keyman.kmx": {
        source: "iana"
      },
      "application/vnd.kidspiration": {
        source: "iana",
        extensions: ["kia"]
      },
      "application/vnd.kinar": {
        source: "iana",
        extensions: ["kne", "knp"]
      },
      "application/vnd.koan": {
        source: "iana",
        extensions: ["skp", "skd", "skt", "skm"]
      },
      "application/vnd.kodak-descriptor": {
        source: "iana",
        extensions: ["sse"]
      },
      "application/vnd.las": {
        source: "iana"
      },
      "application/vnd.las.las+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.las.las+xml": {
        source: "iana",
        compressible: true,
        extensions: ["lasxml"]
      },
      "application/vnd.laszip": {
        source: "iana"
      },
      "application/vnd.ldev.productlicensing": {
        source: "iana"
      },
      "application/vnd.leap+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.liberty-request+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.llamagraphics.life-balance.desktop": {
        source: "iana",
        extensions: ["lbd"]
      },
      "application/vnd.llamagraphics.life-balance.exchange+xml": {
        source: "iana",
        compressible: true,
        extensions: ["lbe"]
      },
      "application/vnd.logipipe.circuit+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.loom": {
        source: "iana"
      },
      "application/vnd.lotus-1-2-3": {
        source: "iana",
        extensions: ["123"]
      },
      "application/vnd.lotus-approach": {
        source: "iana",
        extensions: ["apr"]
      },
      "application/vnd.lotus-freelance": {
        source: "iana",
        extensions: ["pre"]
      },
      "application/vnd.lotus-notes": {
        source: "iana",
        extensions: ["nsf"]
      },
      "application/vnd.lotus-organizer": {
        source: "iana",
        extensions: ["org"]
      },
      "application/vnd.lotus-screencam": {
        source: "iana",
        extensions: ["scm"]
      },
      "application/vnd.lotus-wordpro": {
        source: "iana",
        extensions: ["lwp"]
      },
      "application/vnd.macports.portpkg": {
        source: "iana",
        extensions: ["portpkg"]
      },
      "application/vnd.mapbox-vector-tile": {
        source: "iana",
        extensions: ["mvt"]
      },
      "application/vnd.marlin.drm.actiontoken+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.marlin.drm.conftoken+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.marlin.drm.license+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.marlin.drm.mdcf": {
        source: "iana"
      },
      "application/vnd.mason+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.maxar.archive.3tz+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.maxmind.maxmind-db": {
        source: "iana"
      },
      "application/vnd.mcd": {
        source: "iana",
        extensions: ["mcd"]
      },
      "application/vnd.mdl": {
        source: "iana"
      },
      "application/vnd.mdl-mbsdf": {
        source: "iana"
      },
      "application/vnd.medcalcdata": {
        source: "iana",
        extensions: ["mc1"]
      },
      "application/vnd.mediastation.cdkey": {
        source: "iana",
        extensions: ["cdkey"]
      },
      "application/vnd.medicalholodeck.recordxr": {
        source: "iana"
      },
      "application/vnd.meridian-slingshot": {
        source: "iana"
      },
      "application/vnd.mermaid": {
        source: "iana"
      },
      "application/vnd.mfer": {
        source: "iana",
        extensions: ["mwf"]
      },
      "application/vnd.mfmp": {
        source: "iana",
        extensions: ["mfm"]
      },
      "application/vnd.micro+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.micrografx.flo": {
        source: "iana",
        extensions: ["flo"]
      },
      "application/vnd.micrografx.igx": {
        source: "iana",
        extensions: ["igx"]
      },
      "application/vnd.microsoft.portable-executable": {
        source: "iana"
      },
      "application/vnd.microsoft.windows.thumbnail-cache": {
        source: "iana"
      },
      "application/vnd.miele+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.mif": {
        source: "iana",
        extensions: ["mif"]
      },
      "application/vnd.minisoft-hp3000-save": {
        source: "iana"
      },
      "application/vnd.mitsubishi.misty-guard.trustweb": {
        source: "iana"
      },
      "application/vnd.mobius.daf": {
        source: "iana",
        extensions: ["daf"]
      },
      "application/vnd.mobius.dis": {
        source: "iana",
        extensions: ["dis"]
      },
      "application/vnd.mobius.mbk": {
        source: "iana",
        extensions: ["mbk"]
      },
      "application/vnd.mobius.mqy": {
        source: "iana",
        extensions: ["mqy"]
      },
      "application/vnd.mobius.msl": {
        source: "iana",
        extensions: ["msl"]
      },
      "application/vnd.mobius.plc": {
        source: "iana",
        extensions: ["plc"]
      },
      "application/vnd.mobius.txf": {
        source: "iana",
        extensions: ["txf"]
      },
      "application/vnd.modl": {
        source: "iana"
      },
      "application/vnd.mophun.application": {
        source: "iana",
        extensions: ["mpn"]
      },
      "application/vnd.mophun.certificate": {
        source: "iana",
        extensions: ["mpc"]
      },
      "application/vnd.motorola.flexsuite": {
        source: "iana"
      },
      "application/vnd.motorola.flexsuite.adsi": {
        source: "iana"
      },
      "application/vnd.motorola.flexsuite.fis": {
        source: "iana"
      },
      "application/vnd.motorola.flexsuite.gotap": {
        source: "iana"
      },
      "application/vnd.motorola.flexsuite.kmr": {
        source: "iana"
      },
      "application/vnd.motorola.flexsuite.ttc": {
        source: "iana"
      },
      "application/vnd.motorola.flexsuite.wem": {
        source: "iana"
      },
      "application/vnd.motorola.iprm": {
        source: "iana"
      },
      "application/vnd.mozilla.xul+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xul"]
      },
      "application/vnd.ms-3mfdocument": {
        source: "iana"
      },
      "application/vnd.ms-artgalry": {
        source: "iana",
        extensions: ["cil"]
      },
      "application/vnd.ms-asf": {
        source: "iana"
      },
      "application/vnd.ms-cab-compressed": {
        source: "iana",
        extensions: ["cab"]
      },
      "application/vnd.ms-color.iccprofile": {
        source: "apache"
      },
      "application/vnd.ms-excel": {
        source: "iana",
        compressible: false,
        extensions: ["xls", "xlm", "xla", "xlc", "xlt", "xlw"]
      },
      "application/vnd.ms-excel.addin.macroenabled.12": {
        source: "iana",
        extensions: ["xlam"]
      },
      "application/vnd.ms-excel.sheet.binary.macroenabled.12": {
        source: "iana",
        extensions: ["xlsb"]
      },
      "application/vnd.ms-excel.sheet.macroenabled.12": {
        source: "iana",
        extensions: ["xlsm"]
      },
      "application/vnd.ms-excel.template.macroenabled.12": {
        source: "iana",
        extensions: ["xltm"]
      },
      "application/vnd.ms-fontobject": {
        source: "iana",
        compressible: true,
        extensions: ["eot"]
      },
      "application/vnd.ms-htmlhelp": {
        source: "iana",
        extensions: ["chm"]
      },
      "application/vnd.ms-ims": {
        source: "iana",
        extensions: ["ims"]
      },
      "application/vnd.ms-lrm": {
        source: "iana",
        extensions: ["lrm"]
      },
      "application/vnd.ms-office.activex+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.ms-officetheme": {
        source: "iana",
        extensions: ["thmx"]
      },
      "application/vnd.ms-opentype": {
        source: "apache",
        compressible: true
      },
      "application/vnd.ms-outlook": {
        compressible: false,
        extensions: ["msg"]
      },
      "application/vnd.ms-package.obfuscated-opentype": {
        source: "apache"
      },
      "application/vnd.ms-pki.seccat": {
        source: "apache",
        extensions: ["cat"]
      },
      "application/vnd.ms-pki.stl": {
        source: "apache",
        extensions: ["stl"]
      },
      "application/vnd.ms-playready.initiator+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.ms-powerpoint": {
        source: "iana",
        compressible: false,
        extensions: ["ppt", "pps", "pot"]
      },
      "application/vnd.ms-powerpoint.addin.macroenabled.12": {
        source: "iana",
        extensions: ["ppam"]
      },
      "application/vnd.ms-powerpoint.presentation.macroenabled.12": {
        source: "iana",
        extensions: ["pptm"]
      },
      "application/vnd.ms-powerpoint.slide.macroenabled.12": {
        source: "iana",
        extensions: ["sldm"]
      },
      "application/vnd.ms-powerpoint.slideshow.macroenabled.12": {
        source: "iana",
        extensions: ["ppsm"]
      },
      "application/vnd.ms-powerpoint.template.macroenabled.12": {
        source: "iana",
        extensions: ["potm"]
      },
      "application/vnd.ms-printdevicecapabilities+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.ms-printing.printticket+xml": {
        source: "apache",
        compressible: true
      },
      "application/vnd.ms-printschematicket+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.ms-project": {
        source: "iana",
        extensions: ["mpp", "mpt"]
      },
      "application/vnd.ms-tnef": {
        source: "iana"
      },
      "application/vnd.ms-visio.viewer": {
        extensions: ["vdx"]
      },
      "application/vnd.ms-windows.devicepairing": {
        source: "iana"
      },
      "application/vnd.ms-windows.nwprinting.oob": {
        source: "iana"
      },
      "application/vnd.ms-windows.printerpairing": {
        source: "iana"
      },
      "application/vnd.ms-windows.wsd.oob": {
        source: "iana"
      },
      "application/vnd.ms-wmdrm.lic-chlg-req": {
        source: "iana"
      },
      "application/vnd.ms-wmdrm.lic-resp": {
        source: "iana"
      },
      "application/vnd.ms-wmdrm.meter-chlg-req": {
        source: "iana"
      },
      "application/vnd.ms-wmdrm.meter-resp": {
        source: "iana"
      },
      "application/vnd.ms-word.document.macroenabled.12": {
        source: "iana",
        extensions: ["docm"]
      },
      "application/vnd.ms-word.template.macroenabled.12": {
        source: "iana",
        extensions: ["dotm"]
      },
      "application/vnd.ms-works": {
        source: "iana",
        extensions: ["wps", "wks", "wcm", "wdb"]
      },
      "application/vnd.ms-wpl": {
        source: "iana",
        extensions: ["wpl"]
      },
      "application/vnd.ms-xpsdocument": {
        source: "iana",
        compressible: false,
        extensions: ["xps"]
      },
      "application/vnd.msa-disk-image": {
        source: "iana"
      },
      "application/vnd.mseq": {
        source: "iana",
        extensions: ["mseq"]
      },
      "application/vnd.msgpack": {
        source: "iana"
      },
      "application/vnd.msign": {
        source: "iana"
      },
      "application/vnd.multiad.creator": {
        source: "iana"
      },
      "application/vnd.multiad.creator.cif": {
        source: "iana"
      },
      "application/vnd.music-niff": {
        source: "iana"
      },
      "application/vnd.musician": {
        source: "iana",
        extensions: ["mus"]
      },
      "application/vnd.muvee.style": {
        source: "iana",
        extensions: ["msty"]
      },
      "application/vnd.mynfc": {
        source: "iana",
        extensions: ["taglet"]
      },
      "application/vnd.nacamar.ybrid+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.nato.bindingdataobject+cbor": {
        source: "iana"
      },
      "application/vnd.nato.bindingdataobject+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.nato.bindingdataobject+xml": {
        source: "iana",
        compressible: true,
        extensions: ["bdo"]
      },
      "application/vnd.nato.openxmlformats-package.iepd+zip": {
        source: "iana",
        compressible: false
      },
      "application/vnd.ncd.control": {
        source: "iana"
      },
      "application/vnd.ncd.reference": {
        source: "iana"
      },
      "application/vnd.nearst.inv+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.nebumind.line": {
        source: "iana"
      },
      "application/vnd.nervana": {
        source: "iana"
      },
      "application/vnd.netfpx": {
        source: "iana"
      },
      "application/vnd.neurolanguage.nlu": {
        source: "iana",
        extensions: ["nlu"]
      },
      "application/vnd.nimn": {
        source: "iana"
      },
      "application/vnd.nintendo.nitro.rom": {
        source: "iana"
      },
      "application/vnd.nintendo.snes.rom": {
        source: "iana"
      },
      "application/vnd.nitf": {
        source: "iana",
        extensions: ["ntf", "nitf"]
      },
      "application/vnd.noblenet-directory": {
        source: "iana",
        extensions: ["nnd"]
      },
      "application/vnd.noblenet-sealer": {
        source: "iana",
        extensions: ["nns"]
      },
      "application/vnd.noblenet-web": {
        source: "iana",
        extensions: ["nnw"]
      },
      "application/vnd.nokia.catalogs": {
        source: "iana"
      },
      "application/vnd.nokia.conml+wbxml": {
        source: "iana"
      },
      "application/vnd.nokia.conml+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.nokia.iptv.config+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.nokia.isds-radio-presets": {
        source: "iana"
      },
      "application/vnd.nokia.landmark+wbxml": {
        source: "iana"
      },
      "application/vnd.nokia.landmark+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.nokia.landmarkcollection+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.nokia.n-gage.ac+xml": {
        source: "iana",
        compressible: true,
        extensions: ["ac"]
      },
      "application/vnd.nokia.n-gage.data": {
        source: "iana",
        extensions: ["ngdat"]
      },
      "application/vnd.nokia.n-gage.symbian.install": {
        source: "apache",
        extensions: ["n-gage"]
      },
      "application/vnd.nokia.ncd": {
        source: "iana"
      },
      "application/vnd.nokia.pcd+wbxml": {
        source: "iana"
      },
      "application/vnd.nokia.pcd+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.nokia.radio-preset": {
        source: "iana",
        extensions: ["rpst"]
      },
      "application/vnd.nokia.radio-presets": {
        source: "iana",
        extensions: ["rpss"]
      },
      "application/vnd.novadigm.edm": {
        source: "iana",
        extensions: ["edm"]
      },
      "application/vnd.novadigm.edx": {
        source: "iana",
        extensions: ["edx"]
      },
      "application/vnd.novadigm.ext": {
        source: "iana",
        extensions: ["ext"]
      },
      "application/vnd.ntt-local.content-share": {
        source: "iana"
      },
      "application/vnd.ntt-local.file-transfer": {
        source: "iana"
      },
      "application/vnd.ntt-local.ogw_remote-access": {
        source: "iana"
      },
      "application/vnd.ntt-local.sip-ta_remote": {
        source: "iana"
      },
      "application/vnd.ntt-local.sip-ta_tcp_stream": {
        source: "iana"
      },
      "application/vnd.oai.workflows": {
        source: "iana"
      },
      "application/vnd.oai.workflows+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oai.workflows+yaml": {
        source: "iana"
      },
      "application/vnd.oasis.opendocument.base": {
        source: "iana"
      },
      "application/vnd.oasis.opendocument.chart": {
        source: "iana",
        extensions: ["odc"]
      },
      "application/vnd.oasis.opendocument.chart-template": {
        source: "iana",
        extensions: ["otc"]
      },
      "application/vnd.oasis.opendocument.database": {
        source: "apache",
        extensions: ["odb"]
      },
      "application/vnd.oasis.opendocument.formula": {
        source: "iana",
        extensions: ["odf"]
      },
      "application/vnd.oasis.opendocument.formula-template": {
        source: "iana",
        extensions: ["odft"]
      },
      "application/vnd.oasis.opendocument.graphics": {
        source: "iana",
        compressible: false,
        extensions: ["odg"]
      },
      "application/vnd.oasis.opendocument.graphics-template": {
        source: "iana",
        extensions: ["otg"]
      },
      "application/vnd.oasis.opendocument.image": {
        source: "iana",
        extensions: ["odi"]
      },
      "application/vnd.oasis.opendocument.image-template": {
        source: "iana",
        extensions: ["oti"]
      },
      "application/vnd.oasis.opendocument.presentation": {
        source: "iana",
        compressible: false,
        extensions: ["odp"]
      },
      "application/vnd.oasis.opendocument.presentation-template": {
        source: "iana",
        extensions: ["otp"]
      },
      "application/vnd.oasis.opendocument.spreadsheet": {
        source: "iana",
        compressible: false,
        extensions: ["ods"]
      },
      "application/vnd.oasis.opendocument.spreadsheet-template": {
        source: "iana",
        extensions: ["ots"]
      },
      "application/vnd.oasis.opendocument.text": {
        source: "iana",
        compressible: false,
        extensions: ["odt"]
      },
      "application/vnd.oasis.opendocument.text-master": {
        source: "iana",
        extensions: ["odm"]
      },
      "application/vnd.oasis.opendocument.text-master-template": {
        source: "iana"
      },
      "application/vnd.oasis.opendocument.text-template": {
        source: "iana",
        extensions: ["ott"]
      },
      "application/vnd.oasis.opendocument.text-web": {
        source: "iana",
        extensions: ["oth"]
      },
      "application/vnd.obn": {
        source: "iana"
      },
      "application/vnd.ocf+cbor": {
        source: "iana"
      },
      "application/vnd.oci.image.manifest.v1+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oftn.l10n+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oipf.contentaccessdownload+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oipf.contentaccessstreaming+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oipf.cspg-hexbinary": {
        source: "iana"
      },
      "application/vnd.oipf.dae.svg+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oipf.dae.xhtml+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oipf.mippvcontrolmessage+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oipf.pae.gem": {
        source: "iana"
      },
      "application/vnd.oipf.spdiscovery+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oipf.spdlist+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oipf.ueprofile+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oipf.userprofile+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.olpc-sugar": {
        source: "iana",
        extensions: ["xo"]
      },
      "application/vnd.oma-scws-config": {
        source: "iana"
      },
      "application/vnd.oma-scws-http-request": {
        source: "iana"
      },
      "application/vnd.oma-scws-http-response": {
        source: "iana"
      },
      "application/vnd.oma.bcast.associated-procedure-parameter+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.bcast.drm-trigger+xml": {
        source: "apache",
        compressible: true
      },
      "application/vnd.oma.bcast.imd+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.bcast.ltkm": {
        source: "iana"
      },
      "application/vnd.oma.bcast.notification+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.bcast.provisioningtrigger": {
        source: "iana"
      },
      "application/vnd.oma.bcast.sgboot": {
        source: "iana"
      },
      "application/vnd.oma.bcast.sgdd+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.bcast.sgdu": {
        source: "iana"
      },
      "application/vnd.oma.bcast.simple-symbol-container": {
        source: "iana"
      },
      "application/vnd.oma.bcast.smartcard-trigger+xml": {
        source: "apache",
        compressible: true
      },
      "application/vnd.oma.bcast.sprov+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.bcast.stkm": {
        source: "iana"
      },
      "application/vnd.oma.cab-address-book+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.cab-feature-handler+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.cab-pcc+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.cab-subs-invite+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.cab-user-prefs+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.dcd": {
        source: "iana"
      },
      "application/vnd.oma.dcdc": {
        source: "iana"
      },
      "application/vnd.oma.dd2+xml": {
        source: "iana",
        compressible: true,
        extensions: ["dd2"]
      },
      "application/vnd.oma.drm.risd+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.group-usage-list+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.lwm2m+cbor": {
        source: "iana"
      },
      "application/vnd.oma.lwm2m+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.lwm2m+tlv": {
        source: "iana"
      },
      "application/vnd.oma.pal+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.poc.detailed-progress-report+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.poc.final-report+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.poc.groups+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.poc.invocation-descriptor+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.poc.optimized-progress-report+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.push": {
        source: "iana"
      },
      "application/vnd.oma.scidm.messages+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oma.xcap-directory+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.omads-email+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/vnd.omads-file+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/vnd.omads-folder+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/vnd.omaloc-supl-init": {
        source: "iana"
      },
      "application/vnd.onepager": {
        source: "iana"
      },
      "application/vnd.onepagertamp": {
        source: "iana"
      },
      "application/vnd.onepagertamx": {
        source: "iana"
      },
      "application/vnd.onepagertat": {
        source: "iana"
      },
      "application/vnd.onepagertatp": {
        source: "iana"
      },
      "application/vnd.onepagertatx": {
        source: "iana"
      },
      "application/vnd.onvif.metadata": {
        source: "iana"
      },
      "application/vnd.openblox.game+xml": {
        source: "iana",
        compressible: true,
        extensions: ["obgx"]
      },
      "application/vnd.openblox.game-binary": {
        source: "iana"
      },
      "application/vnd.openeye.oeb": {
        source: "iana"
      },
      "application/vnd.openofficeorg.extension": {
        source: "apache",
        extensions: ["oxt"]
      },
      "application/vnd.openstreetmap.data+xml": {
        source: "iana",
        compressible: true,
        extensions: ["osm"]
      },
      "application/vnd.opentimestamps.ots": {
        source: "iana"
      },
      "application/vnd.openvpi.dspx+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.custom-properties+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.customxmlproperties+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.drawing+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.drawingml.chart+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.drawingml.diagramcolors+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.drawingml.diagramdata+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.drawingml.diagramlayout+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.drawingml.diagramstyle+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.extended-properties+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.presentationml.commentauthors+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.presentationml.comments+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.presentationml.handoutmaster+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.presentationml.notesmaster+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.presentationml.notesslide+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
        source: "iana",
        compressible: false,
        extensions: ["pptx"]
      },
      "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.presentationml.presprops+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.presentationml.slide": {
        source: "iana",
        extensions: ["sldx"]
      },
      "application/vnd.openxmlformats-officedocument.presentationml.slide+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.presentationml.slidelayout+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.presentationml.slidemaster+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.presentationml.slideshow": {
        source: "iana",
        extensions: ["ppsx"]
      },
      "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.presentationml.slideupdateinfo+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.presentationml.tablestyles+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.presentationml.tags+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.presentationml.template": {
        source: "iana",
        extensions: ["potx"]
      },
      "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.presentationml.viewprops+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.calcchain+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.dialogsheet+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.externallink+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotcachedefinition+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotcacherecords+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.pivottable+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.querytable+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.revisionheaders+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.revisionlog+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedstrings+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
        source: "iana",
        compressible: false,
        extensions: ["xlsx"]
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetmetadata+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.tablesinglecells+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.template": {
        source: "iana",
        extensions: ["xltx"]
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.usernames+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.volatiledependencies+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.theme+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.themeoverride+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.vmldrawing": {
        source: "iana"
      },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
        source: "iana",
        compressible: false,
        extensions: ["docx"]
      },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.fonttable+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.template": {
        source: "iana",
        extensions: ["dotx"]
      },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.websettings+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-package.core-properties+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.openxmlformats-package.relationships+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oracle.resource+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.orange.indata": {
        source: "iana"
      },
      "application/vnd.osa.netdeploy": {
        source: "iana"
      },
      "application/vnd.osgeo.mapguide.package": {
        source: "iana",
        extensions: ["mgp"]
      },
      "application/vnd.osgi.bundle": {
        source: "iana"
      },
      "application/vnd.osgi.dp": {
        source: "iana",
        extensions: ["dp"]
      },
      "application/vnd.osgi.subsystem": {
        source: "iana",
        extensions: ["esa"]
      },
      "application/vnd.otps.ct-kip+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.oxli.countgraph": {
        source: "iana"
      },
      "application/vnd.pagerduty+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.palm": {
        source: "iana",
        extensions: ["pdb", "pqa", "oprc"]
      },
      "application/vnd.panoply": {
        source: "iana"
      },
      "application/vnd.paos.xml": {
        source: "iana"
      },
      "application/vnd.patentdive": {
        source: "iana"
      },
      "application/vnd.patientecommsdoc": {
        source: "iana"
      },
      "application/vnd.pawaafile": {
        source: "iana",
        extensions: ["paw"]
      },
      "application/vnd.pcos": {
        source: "iana"
      },
      "application/vnd.pg.format": {
        source: "iana",
        extensions: ["str"]
      },
      "application/vnd.pg.osasli": {
        source: "iana",
        extensions: ["ei6"]
      },
      "application/vnd.piaccess.application-licence": {
        source: "iana"
      },
      "application/vnd.picsel": {
        source: "iana",
        extensions: ["efif"]
      },
      "application/vnd.pmi.widget": {
        source: "iana",
        extensions: ["wg"]
      },
      "application/vnd.poc.group-advertisement+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.pocketlearn": {
        source: "iana",
        extensions: ["plf"]
      },
      "application/vnd.powerbuilder6": {
        source: "iana",
        extensions: ["pbd"]
      },
      "application/vnd.powerbuilder6-s": {
        source: "iana"
      },
      "application/vnd.powerbuilder7": {
        source: "iana"
      },
      "application/vnd.powerbuilder7-s": {
        source: "iana"
      },
      "application/vnd.powerbuilder75": {
        source: "iana"
      },
      "application/vnd.powerbuilder75-s": {
        source: "iana"
      },
      "application/vnd.preminet": {
        source: "iana"
      },
      "application/vnd.previewsystems.box": {
        source: "iana",
        extensions: ["box"]
      },
      "application/vnd.procrate.brushset": {
        extensions: ["brushset"]
      },
      "application/vnd.procreate.brush": {
        extensions: ["brush"]
      },
      "application/vnd.procreate.dream": {
        extensions: ["drm"]
      },
      "application/vnd.proteus.magazine": {
        source: "iana",
        extensions: ["mgz"]
      },
      "application/vnd.psfs": {
        source: "iana"
      },
      "application/vnd.pt.mundusmundi": {
        source: "iana"
      },
      "application/vnd.publishare-delta-tree": {
        source: "iana",
        extensions: ["qps"]
      },
      "application/vnd.pvi.ptid1": {
        source: "iana",
        extensions: ["ptid"]
      },
      "application/vnd.pwg-multiplexed": {
        source: "iana"
      },
      "application/vnd.pwg-xhtml-print+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xhtm"]
      },
      "application/vnd.qualcomm.brew-app-res": {
        source: "iana"
      },
      "application/vnd.quarantainenet": {
        source: "iana"
      },
      "application/vnd.quark.quarkxpress": {
        source: "iana",
        extensions: ["qxd", "qxt", "qwd", "qwt", "qxl", "qxb"]
      },
      "application/vnd.quobject-quoxdocument": {
        source: "iana"
      },
      "application/vnd.radisys.moml+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.radisys.msml+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.radisys.msml-audit+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.radisys.msml-audit-conf+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.radisys.msml-audit-conn+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.radisys.msml-audit-dialog+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.radisys.msml-audit-stream+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.radisys.msml-conf+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.radisys.msml-dialog+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.radisys.msml-dialog-base+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.radisys.msml-dialog-fax-detect+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.radisys.msml-dialog-fax-sendrecv+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.radisys.msml-dialog-group+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.radisys.msml-dialog-speech+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.radisys.msml-dialog-transform+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.rainstor.data": {
        source: "iana"
      },
      "application/vnd.rapid": {
        source: "iana"
      },
      "application/vnd.rar": {
        source: "iana",
        extensions: ["rar"]
      },
      "application/vnd.realvnc.bed": {
        source: "iana",
        extensions: ["bed"]
      },
      "application/vnd.recordare.musicxml": {
        source: "iana",
        extensions: ["mxl"]
      },
      "application/vnd.recordare.musicxml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["musicxml"]
      },
      "application/vnd.relpipe": {
        source: "iana"
      },
      "application/vnd.renlearn.rlprint": {
        source: "iana"
      },
      "application/vnd.resilient.logic": {
        source: "iana"
      },
      "application/vnd.restful+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.rig.cryptonote": {
        source: "iana",
        extensions: ["cryptonote"]
      },
      "application/vnd.rim.cod": {
        source: "apache",
        extensions: ["cod"]
      },
      "application/vnd.rn-realmedia": {
        source: "apache",
        extensions: ["rm"]
      },
      "application/vnd.rn-realmedia-vbr": {
        source: "apache",
        extensions: ["rmvb"]
      },
      "application/vnd.route66.link66+xml": {
        source: "iana",
        compressible: true,
        extensions: ["link66"]
      },
      "application/vnd.rs-274x": {
        source: "iana"
      },
      "application/vnd.ruckus.download": {
        source: "iana"
      },
      "application/vnd.s3sms": {
        source: "iana"
      },
      "application/vnd.sailingtracker.track": {
        source: "iana",
        extensions: ["st"]
      },
      "application/vnd.sar": {
        source: "iana"
      },
      "application/vnd.sbm.cid": {
        source: "iana"
      },
      "application/vnd.sbm.mid2": {
        source: "iana"
      },
      "application/vnd.scribus": {
        source: "iana"
      },
      "application/vnd.sealed.3df": {
        source: "iana"
      },
      "application/vnd.sealed.csf": {
        source: "iana"
      },
      "application/vnd.sealed.doc": {
        source: "iana"
      },
      "application/vnd.sealed.eml": {
        source: "iana"
      },
      "application/vnd.sealed.mht": {
        source: "iana"
      },
      "application/vnd.sealed.net": {
        source: "iana"
      },
      "application/vnd.sealed.ppt": {
        source: "iana"
      },
      "application/vnd.sealed.tiff": {
        source: "iana"
      },
      "application/vnd.sealed.xls": {
        source: "iana"
      },
      "application/vnd.sealedmedia.softseal.html": {
        source: "iana"
      },
      "application/vnd.sealedmedia.softseal.pdf": {
        source: "iana"
      },
      "application/vnd.seemail": {
        source: "iana",
        extensions: ["see"]
      },
      "application/vnd.seis+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.sema": {
        source: "iana",
        extensions: ["sema"]
      },
      "application/vnd.semd": {
        source: "iana",
        extensions: ["semd"]
      },
      "application/vnd.semf": {
        source: "iana",
        extensions: ["semf"]
      },
      "application/vnd.shade-save-file": {
        source: "iana"
      },
      "application/vnd.shana.informed.formdata": {
        source: "iana",
        extensions: ["ifm"]
      },
      "application/vnd.shana.informed.formtemplate": {
        source: "iana",
        extensions: ["itp"]
      },
      "application/vnd.shana.informed.interchange": {
        source: "iana",
        extensions: ["iif"]
      },
      "application/vnd.shana.informed.package": {
        source: "iana",
        extensions: ["ipk"]
      },
      "application/vnd.shootproof+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.shopkick+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.shp": {
        source: "iana"
      },
      "application/vnd.shx": {
        source: "iana"
      },
      "application/vnd.sigrok.session": {
        source: "iana"
      },
      "application/vnd.simtech-mindmapper": {
        source: "iana",
        extensions: ["twd", "twds"]
      },
      "application/vnd.siren+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.sketchometry": {
        source: "iana"
      },
      "application/vnd.smaf": {
        source: "iana",
        extensions: ["mmf"]
      },
      "application/vnd.smart.notebook": {
        source: "iana"
      },
      "application/vnd.smart.teacher": {
        source: "iana",
        extensions: ["teacher"]
      },
      "application/vnd.smintio.portals.archive": {
        source: "iana"
      },
      "application/vnd.snesdev-page-table": {
        source: "iana"
      },
      "application/vnd.software602.filler.form+xml": {
        source: "iana",
        compressible: true,
        extensions: ["fo"]
      },
      "application/vnd.software602.filler.form-xml-zip": {
        source: "iana"
      },
      "application/vnd.solent.sdkm+xml": {
        source: "iana",
        compressible: true,
        extensions: ["sdkm", "sdkd"]
      },
      "application/vnd.spotfire.dxp": {
        source: "iana",
        extensions: ["dxp"]
      },
      "application/vnd.spotfire.sfs": {
        source: "iana",
        extensions: ["sfs"]
      },
      "application/vnd.sqlite3": {
        source: "iana"
      },
      "application/vnd.sss-cod": {
        source: "iana"
      },
      "application/vnd.sss-dtf": {
        source: "iana"
      },
      "application/vnd.sss-ntf": {
        source: "iana"
      },
      "application/vnd.stardivision.calc": {
        source: "apache",
        extensions: ["sdc"]
      },
      "application/vnd.stardivision.draw": {
        source: "apache",
        extensions: ["sda"]
      },
      "application/vnd.stardivision.impress": {
        source: "apache",
        extensions: ["sdd"]
      },
      "application/vnd.stardivision.math": {
        source: "apache",
        extensions: ["smf"]
      },
      "application/vnd.stardivision.writer": {
        source: "apache",
        extensions: ["sdw", "vor"]
      },
      "application/vnd.stardivision.writer-global": {
        source: "apache",
        extensions: ["sgl"]
      },
      "application/vnd.stepmania.package": {
        source: "iana",
        extensions: ["smzip"]
      },
      "application/vnd.stepmania.stepchart": {
        source: "iana",
        extensions: ["sm"]
      },
      "application/vnd.street-stream": {
        source: "iana"
      },
      "application/vnd.sun.wadl+xml": {
        source: "iana",
        compressible: true,
        extensions: ["wadl"]
      },
      "application/vnd.sun.xml.calc": {
        source: "apache",
        extensions: ["sxc"]
      },
      "application/vnd.sun.xml.calc.template": {
        source: "apache",
        extensions: ["stc"]
      },
      "application/vnd.sun.xml.draw": {
        source: "apache",
        extensions: ["sxd"]
      },
      "application/vnd.sun.xml.draw.template": {
        source: "apache",
        extensions: ["std"]
      },
      "application/vnd.sun.xml.impress": {
        source: "apache",
        extensions: ["sxi"]
      },
      "application/vnd.sun.xml.impress.template": {
        source: "apache",
        extensions: ["sti"]
      },
      "application/vnd.sun.xml.math": {
        source: "apache",
        extensions: ["sxm"]
      },
      "application/vnd.sun.xml.writer": {
        source: "apache",
        extensions: ["sxw"]
      },
      "application/vnd.sun.xml.writer.global": {
        source: "apache",
        extensions: ["sxg"]
      },
      "application/vnd.sun.xml.writer.template": {
        source: "apache",
        extensions: ["stw"]
      },
      "application/vnd.sus-calendar": {
        source: "iana",
        extensions: ["sus", "susp"]
      },
      "application/vnd.svd": {
        source: "iana",
        extensions: ["svd"]
      },
      "application/vnd.swiftview-ics": {
        source: "iana"
      },
      "application/vnd.sybyl.mol2": {
        source: "iana"
      },
      "application/vnd.sycle+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.syft+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.symbian.install": {
        source: "apache",
        extensions: ["sis", "sisx"]
      },
      "application/vnd.syncml+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true,
        extensions: ["xsm"]
      },
      "application/vnd.syncml.dm+wbxml": {
        source: "iana",
        charset: "UTF-8",
        extensions: ["bdm"]
      },
      "application/vnd.syncml.dm+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true,
        extensions: ["xdm"]
      },
      "application/vnd.syncml.dm.notification": {
        source: "iana"
      },
      "application/vnd.syncml.dmddf+wbxml": {
        source: "iana"
      },
      "application/vnd.syncml.dmddf+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true,
        extensions: ["ddf"]
      },
      "application/vnd.syncml.dmtnds+wbxml": {
        source: "iana"
      },
      "application/vnd.syncml.dmtnds+xml": {
        source: "iana",
        charset: "UTF-8",
        compressible: true
      },
      "application/vnd.syncml.ds.notification": {
        source: "iana"
      },
      "application/vnd.tableschema+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.tao.intent-module-archive": {
        source: "iana",
        extensions: ["tao"]
      },
      "application/vnd.tcpdump.pcap": {
        source: "iana",
        extensions: ["pcap", "cap", "dmp"]
      },
      "application/vnd.think-cell.ppttc+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.tmd.mediaflex.api+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.tml": {
        source: "iana"
      },
      "application/vnd.tmobile-livetv": {
        source: "iana",
        extensions: ["tmo"]
      },
      "application/vnd.tri.onesource": {
        source: "iana"
      },
      "application/vnd.trid.tpt": {
        source: "iana",
        extensions: ["tpt"]
      },
      "application/vnd.triscape.mxs": {
        source: "iana",
        extensions: ["mxs"]
      },
      "application/vnd.trueapp": {
        source: "iana",
        extensions: ["tra"]
      },
      "application/vnd.truedoc": {
        source: "iana"
      },
      "application/vnd.ubisoft.webplayer": {
        source: "iana"
      },
      "application/vnd.ufdl": {
        source: "iana",
        extensions: ["ufd", "ufdl"]
      },
      "application/vnd.uic.osdm+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.uiq.theme": {
        source: "iana",
        extensions: ["utz"]
      },
      "application/vnd.umajin": {
        source: "iana",
        extensions: ["umj"]
      },
      "application/vnd.unity": {
        source: "iana",
        extensions: ["unityweb"]
      },
      "application/vnd.uoml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["uoml", "uo"]
      },
      "application/vnd.uplanet.alert": {
        source: "iana"
      },
      "application/vnd.uplanet.alert-wbxml": {
        source: "iana"
      },
      "application/vnd.uplanet.bearer-choice": {
        source: "iana"
      },
      "application/vnd.uplanet.bearer-choice-wbxml": {
        source: "iana"
      },
      "application/vnd.uplanet.cacheop": {
        source: "iana"
      },
      "application/vnd.uplanet.cacheop-wbxml": {
        source: "iana"
      },
      "application/vnd.uplanet.channel": {
        source: "iana"
      },
      "application/vnd.uplanet.channel-wbxml": {
        source: "iana"
      },
      "application/vnd.uplanet.list": {
        source: "iana"
      },
      "application/vnd.uplanet.list-wbxml": {
        source: "iana"
      },
      "application/vnd.uplanet.listcmd": {
        source: "iana"
      },
      "application/vnd.uplanet.listcmd-wbxml": {
        source: "iana"
      },
      "application/vnd.uplanet.signal": {
        source: "iana"
      },
      "application/vnd.uri-map": {
        source: "iana"
      },
      "application/vnd.valve.source.material": {
        source: "iana"
      },
      "application/vnd.vcx": {
        source: "iana",
        extensions: ["vcx"]
      },
      "application/vnd.vd-study": {
        source: "iana"
      },
      "application/vnd.vectorworks": {
        source: "iana"
      },
      "application/vnd.vel+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.veraison.tsm-report+cbor": {
        source: "iana"
      },
      "application/vnd.veraison.tsm-report+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.verimatrix.vcas": {
        source: "iana"
      },
      "application/vnd.veritone.aion+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.veryant.thin": {
        source: "iana"
      },
      "application/vnd.ves.encrypted": {
        source: "iana"
      },
      "application/vnd.vidsoft.vidconference": {
        source: "iana"
      },
      "application/vnd.visio": {
        source: "iana",
        extensions: ["vsd", "vst", "vss", "vsw", "vsdx", "vtx"]
      },
      "application/vnd.visionary": {
        source: "iana",
        extensions: ["vis"]
      },
      "application/vnd.vividence.scriptfile": {
        source: "iana"
      },
      "application/vnd.vocalshaper.vsp4": {
        source: "iana"
      },
      "application/vnd.vsf": {
        source: "iana",
        extensions: ["vsf"]
      },
      "application/vnd.wap.sic": {
        source: "iana"
      },
      "application/vnd.wap.slc": {
        source: "iana"
      },
      "application/vnd.wap.wbxml": {
        source: "iana",
        charset: "UTF-8",
        extensions: ["wbxml"]
      },
      "application/vnd.wap.wmlc": {
        source: "iana",
        extensions: ["wmlc"]
      },
      "application/vnd.wap.wmlscriptc": {
        source: "iana",
        extensions: ["wmlsc"]
      },
      "application/vnd.wasmflow.wafl": {
        source: "iana"
      },
      "application/vnd.webturbo": {
        source: "iana",
        extensions: ["wtb"]
      },
      "application/vnd.wfa.dpp": {
        source: "iana"
      },
      "application/vnd.wfa.p2p": {
        source: "iana"
      },
      "application/vnd.wfa.wsc": {
        source: "iana"
      },
      "application/vnd.windows.devicepairing": {
        source: "iana"
      },
      "application/vnd.wmc": {
        source: "iana"
      },
      "application/vnd.wmf.bootstrap": {
        source: "iana"
      },
      "application/vnd.wolfram.mathematica": {
        source: "iana"
      },
      "application/vnd.wolfram.mathematica.package": {
        source: "iana"
      },
      "application/vnd.wolfram.player": {
        source: "iana",
        extensions: ["nbp"]
      },
      "application/vnd.wordlift": {
        source: "iana"
      },
      "application/vnd.wordperfect": {
        source: "iana",
        extensions: ["wpd"]
      },
      "application/vnd.wqd": {
        source: "iana",
        extensions: ["wqd"]
      },
      "application/vnd.wrq-hp3000-labelled": {
        source: "iana"
      },
      "application/vnd.wt.stf": {
        source: "iana",
        extensions: ["stf"]
      },
      "application/vnd.wv.csp+wbxml": {
        source: "iana"
      },
      "application/vnd.wv.csp+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.wv.ssp+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.xacml+json": {
        source: "iana",
        compressible: true
      },
      "application/vnd.xara": {
        source: "iana",
        extensions: ["xar"]
      },
      "application/vnd.xarin.cpj": {
        source: "iana"
      },
      "application/vnd.xecrets-encrypted": {
        source: "iana"
      },
      "application/vnd.xfdl": {
        source: "iana",
        extensions: ["xfdl"]
      },
      "application/vnd.xfdl.webform": {
        source: "iana"
      },
      "application/vnd.xmi+xml": {
        source: "iana",
        compressible: true
      },
      "application/vnd.xmpie.cpkg": {
        source: "iana"
      },
      "application/vnd.xmpie.dpkg": {
        source: "iana"
      },
      "application/vnd.xmpie.plan": {
        source: "iana"
      },
      "application/vnd.xmpie.ppkg": {
        source: "iana"
      },
      "application/vnd.xmpie.xlim": {
        source: "iana"
      },
      "application/vnd.yamaha.hv-dic": {
        source: "iana",
        extensions: ["hvd"]
      },
      "application/vnd.yamaha.hv-script": {
        source: "iana",
        extensions: ["hvs"]
      },
      "application/vnd.yamaha.hv-voice": {
        source: "iana",
        extensions: ["hvp"]
      },
      "application/vnd.yamaha.openscoreformat": {
        source: "iana",
        extensions: ["osf"]
      },
      "application/vnd.yamaha.openscoreformat.osfpvg+xml": {
        source: "iana",
        compressible: true,
        extensions: ["osfpvg"]
      },
      "application/vnd.yamaha.remote-setup": {
        source: "iana"
      },
      "application/vnd.yamaha.smaf-audio": {
        source: "iana",
        extensions: ["saf"]
      },
      "application/vnd.yamaha.smaf-phrase": {
        source: "iana",
        extensions: ["spf"]
      },
      "application/vnd.yamaha.through-ngn": {
        source: "iana"
      },
      "application/vnd.yamaha.tunnel-udpencap": {
        source: "iana"
      },
      "application/vnd.yaoweme": {
        source: "iana"
      },
      "application/vnd.yellowriver-custom-menu": {
        source: "iana",
        extensions: ["cmp"]
      },
      "application/vnd.zul": {
        source: "iana",
        extensions: ["zir", "zirz"]
      },
      "application/vnd.zzazz.deck+xml": {
        source: "iana",
        compressible: true,
        extensions: ["zaz"]
      },
      "application/voicexml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["vxml"]
      },
      "application/voucher-cms+json": {
        source: "iana",
        compressible: true
      },
      "application/voucher-jws+json": {
        source: "iana",
        compressible: true
      },
      "application/vp": {
        source: "iana"
      },
      "application/vp+cose": {
        source: "iana"
      },
      "application/vp+jwt": {
        source: "iana"
      },
      "application/vq-rtcpxr": {
        source: "iana"
      },
      "application/wasm": {
        source: "iana",
        compressible: true,
        extensions: ["wasm"]
      },
      "application/watcherinfo+xml": {
        source: "iana",
        compressible: true,
        extensions: ["wif"]
      },
      "application/webpush-options+json": {
        source: "iana",
        compressible: true
      },
      "application/whoispp-query": {
        source: "iana"
      },
      "application/whoispp-response": {
        source: "iana"
      },
      "application/widget": {
        source: "iana",
        extensions: ["wgt"]
      },
      "application/winhlp": {
        source: "apache",
        extensions: ["hlp"]
      },
      "application/wita": {
        source: "iana"
      },
      "application/wordperfect5.1": {
        source: "iana"
      },
      "application/wsdl+xml": {
        source: "iana",
        compressible: true,
        extensions: ["wsdl"]
      },
      "application/wspolicy+xml": {
        source: "iana",
        compressible: true,
        extensions: ["wspolicy"]
      },
      "application/x-7z-compressed": {
        source: "apache",
        compressible: false,
        extensions: ["7z"]
      },
      "application/x-abiword": {
        source: "apache",
        extensions: ["abw"]
      },
      "application/x-ace-compressed": {
        source: "apache",
        extensions: ["ace"]
      },
      "application/x-amf": {
        source: "apache"
      },
      "application/x-apple-diskimage": {
        source: "apache",
        extensions: ["dmg"]
      },
      "application/x-arj": {
        compressible: false,
        extensions: ["arj"]
      },
      "application/x-authorware-bin": {
        source: "apache",
        extensions: ["aab", "x32", "u32", "vox"]
      },
      "application/x-authorware-map": {
        source: "apache",
        extensions: ["aam"]
      },
      "application/x-authorware-seg": {
        source: "apache",
        extensions: ["aas"]
      },
      "application/x-bcpio": {
        source: "apache",
        extensions: ["bcpio"]
      },
      "application/x-bdoc": {
        compressible: false,
        extensions: ["bdoc"]
      },
      "application/x-bittorrent": {
        source: "apache",
        extensions: ["torrent"]
      },
      "application/x-blender": {
        extensions: ["blend"]
      },
      "application/x-blorb": {
        source: "apache",
        extensions: ["blb", "blorb"]
      },
      "application/x-bzip": {
        source: "apache",
        compressible: false,
        extensions: ["bz"]
      },
      "application/x-bzip2": {
        source: "apache",
        compressible: false,
        extensions: ["bz2", "boz"]
      },
      "application/x-cbr": {
        source: "apache",
        extensions: ["cbr", "cba", "cbt", "cbz", "cb7"]
      },
      "application/x-cdlink": {
        source: "apache",
        extensions: ["vcd"]
      },
      "application/x-cfs-compressed": {
        source: "apache",
        extensions: ["cfs"]
      },
      "application/x-chat": {
        source: "apache",
        extensions: ["chat"]
      },
      "application/x-chess-pgn": {
        source: "apache",
        extensions: ["pgn"]
      },
      "application/x-chrome-extension": {
        extensions: ["crx"]
      },
      "application/x-cocoa": {
        source: "nginx",
        extensions: ["cco"]
      },
      "application/x-compress": {
        source: "apache"
      },
      "application/x-compressed": {
        extensions: ["rar"]
      },
      "application/x-conference": {
        source: "apache",
        extensions: ["nsc"]
      },
      "application/x-cpio": {
        source: "apache",
        extensions: ["cpio"]
      },
      "application/x-csh": {
        source: "apache",
        extensions: ["csh"]
      },
      "application/x-deb": {
        compressible: false
      },
      "application/x-debian-package": {
        source: "apache",
        extensions: ["deb", "udeb"]
      },
      "application/x-dgc-compressed": {
        source: "apache",
        extensions: ["dgc"]
      },
      "application/x-director": {
        source: "apache",
        extensions: ["dir", "dcr", "dxr", "cst", "cct", "cxt", "w3d", "fgd", "swa"]
      },
      "application/x-doom": {
        source: "apache",
        extensions: ["wad"]
      },
      "application/x-dtbncx+xml": {
        source: "apache",
        compressible: true,
        extensions: ["ncx"]
      },
      "application/x-dtbook+xml": {
        source: "apache",
        compressible: true,
        extensions: ["dtb"]
      },
      "application/x-dtbresource+xml": {
        source: "apache",
        compressible: true,
        extensions: ["res"]
      },
      "application/x-dvi": {
        source: "apache",
        compressible: false,
        extensions: ["dvi"]
      },
      "application/x-envoy": {
        source: "apache",
        extensions: ["evy"]
      },
      "application/x-eva": {
        source: "apache",
        extensions: ["eva"]
      },
      "application/x-font-bdf": {
        source: "apache",
        extensions: ["bdf"]
      },
      "application/x-font-dos": {
        source: "apache"
      },
      "application/x-font-framemaker": {
        source: "apache"
      },
      "application/x-font-ghostscript": {
        source: "apache",
        extensions: ["gsf"]
      },
      "application/x-font-libgrx": {
        source: "apache"
      },
      "application/x-font-linux-psf": {
        source: "apache",
        extensions: ["psf"]
      },
      "application/x-font-pcf": {
        source: "apache",
        extensions: ["pcf"]
      },
      "application/x-font-snf": {
        source: "apache",
        extensions: ["snf"]
      },
      "application/x-font-speedo": {
        source: "apache"
      },
      "application/x-font-sunos-news": {
        source: "apache"
      },
      "application/x-font-type1": {
        source: "apache",
        extensions: ["pfa", "pfb", "pfm", "afm"]
      },
      "application/x-font-vfont": {
        source: "apache"
      },
      "application/x-freearc": {
        source: "apache",
        extensions: ["arc"]
      },
      "application/x-futuresplash": {
        source: "apache",
        extensions: ["spl"]
      },
      "application/x-gca-compressed": {
        source: "apache",
        extensions: ["gca"]
      },
      "application/x-glulx": {
        source: "apache",
        extensions: ["ulx"]
      },
      "application/x-gnumeric": {
        source: "apache",
        extensions: ["gnumeric"]
      },
      "application/x-gramps-xml": {
        source: "apache",
        extensions: ["gramps"]
      },
      "application/x-gtar": {
        source: "apache",
        extensions: ["gtar"]
      },
      "application/x-gzip": {
        source: "apache"
      },
      "application/x-hdf": {
        source: "apache",
        extensions: ["hdf"]
      },
      "application/x-httpd-php": {
        compressible: true,
        extensions: ["php"]
      },
      "application/x-install-instructions": {
        source: "apache",
        extensions: ["install"]
      },
      "application/x-ipynb+json": {
        compressible: true,
        extensions: ["ipynb"]
      },
      "application/x-iso9660-image": {
        source: "apache",
        extensions: ["iso"]
      },
      "application/x-iwork-keynote-sffkey": {
        extensions: ["key"]
      },
      "application/x-iwork-numbers-sffnumbers": {
        extensions: ["numbers"]
      },
      "application/x-iwork-pages-sffpages": {
        extensions: ["pages"]
      },
      "application/x-java-archive-diff": {
        source: "nginx",
        extensions: ["jardiff"]
      },
      "application/x-java-jnlp-file": {
        source: "apache",
        compressible: false,
        extensions: ["jnlp"]
      },
      "application/x-javascript": {
        compressible: true
      },
      "application/x-keepass2": {
        extensions: ["kdbx"]
      },
      "application/x-latex": {
        source: "apache",
        compressible: false,
        extensions: ["latex"]
      },
      "application/x-lua-bytecode": {
        extensions: ["luac"]
      },
      "application/x-lzh-compressed": {
        source: "apache",
        extensions: ["lzh", "lha"]
      },
      "application/x-makeself": {
        source: "nginx",
        extensions: ["run"]
      },
      "application/x-mie": {
        source: "apache",
        extensions: ["mie"]
      },
      "application/x-mobipocket-ebook": {
        source: "apache",
        extensions: ["prc", "mobi"]
      },
      "application/x-mpegurl": {
        compressible: false
      },
      "application/x-ms-application": {
        source: "apache",
        extensions: ["application"]
      },
      "application/x-ms-shortcut": {
        source: "apache",
        extensions: ["lnk"]
      },
      "application/x-ms-wmd": {
        source: "apache",
        extensions: ["wmd"]
      },
      "application/x-ms-wmz": {
        source: "apache",
        extensions: ["wmz"]
      },
      "application/x-ms-xbap": {
        source: "apache",
        extensions: ["xbap"]
      },
      "application/x-msaccess": {
        source: "apache",
        extensions: ["mdb"]
      },
      "application/x-msbinder": {
        source: "apache",
        extensions: ["obd"]
      },
      "application/x-mscardfile": {
        source: "apache",
        extensions: ["crd"]
      },
      "application/x-msclip": {
        source: "apache",
        extensions: ["clp"]
      },
      "application/x-msdos-program": {
        extensions: ["exe"]
      },
      "application/x-msdownload": {
        source: "apache",
        extensions: ["exe", "dll", "com", "bat", "msi"]
      },
      "application/x-msmediaview": {
        source: "apache",
        extensions: ["mvb", "m13", "m14"]
      },
      "application/x-msmetafile": {
        source: "apache",
        extensions: ["wmf", "wmz", "emf", "emz"]
      },
      "application/x-msmoney": {
        source: "apache",
        extensions: ["mny"]
      },
      "application/x-mspublisher": {
        source: "apache",
        extensions: ["pub"]
      },
      "application/x-msschedule": {
        source: "apache",
        extensions: ["scd"]
      },
      "application/x-msterminal": {
        source: "apache",
        extensions: ["trm"]
      },
      "application/x-mswrite": {
        source: "apache",
        extensions: ["wri"]
      },
      "application/x-netcdf": {
        source: "apache",
        extensions: ["nc", "cdf"]
      },
      "application/x-ns-proxy-autoconfig": {
        compressible: true,
        extensions: ["pac"]
      },
      "application/x-nzb": {
        source: "apache",
        extensions: ["nzb"]
      },
      "application/x-perl": {
        source: "nginx",
        extensions: ["pl", "pm"]
      },
      "application/x-pilot": {
        source: "nginx",
        extensions: ["prc", "pdb"]
      },
      "application/x-pkcs12": {
        source: "apache",
        compressible: false,
        extensions: ["p12", "pfx"]
      },
      "application/x-pkcs7-certificates": {
        source: "apache",
        extensions: ["p7b", "spc"]
      },
      "application/x-pkcs7-certreqresp": {
        source: "apache",
        extensions: ["p7r"]
      },
      "application/x-pki-message": {
        source: "iana"
      },
      "application/x-rar-compressed": {
        source: "apache",
        compressible: false,
        extensions: ["rar"]
      },
      "application/x-redhat-package-manager": {
        source: "nginx",
        extensions: ["rpm"]
      },
      "application/x-research-info-systems": {
        source: "apache",
        extensions: ["ris"]
      },
      "application/x-sea": {
        source: "nginx",
        extensions: ["sea"]
      },
      "application/x-sh": {
        source: "apache",
        compressible: true,
        extensions: ["sh"]
      },
      "application/x-shar": {
        source: "apache",
        extensions: ["shar"]
      },
      "application/x-shockwave-flash": {
        source: "apache",
        compressible: false,
        extensions: ["swf"]
      },
      "application/x-silverlight-app": {
        source: "apache",
        extensions: ["xap"]
      },
      "application/x-sql": {
        source: "apache",
        extensions: ["sql"]
      },
      "application/x-stuffit": {
        source: "apache",
        compressible: false,
        extensions: ["sit"]
      },
      "application/x-stuffitx": {
        source: "apache",
        extensions: ["sitx"]
      },
      "application/x-subrip": {
        source: "apache",
        extensions: ["srt"]
      },
      "application/x-sv4cpio": {
        source: "apache",
        extensions: ["sv4cpio"]
      },
      "application/x-sv4crc": {
        source: "apache",
        extensions: ["sv4crc"]
      },
      "application/x-t3vm-image": {
        source: "apache",
        extensions: ["t3"]
      },
      "application/x-tads": {
        source: "apache",
        extensions: ["gam"]
      },
      "application/x-tar": {
        source: "apache",
        compressible: true,
        extensions: ["tar"]
      },
      "application/x-tcl": {
        source: "apache",
        extensions: ["tcl", "tk"]
      },
      "application/x-tex": {
        source: "apache",
        extensions: ["tex"]
      },
      "application/x-tex-tfm": {
        source: "apache",
        extensions: ["tfm"]
      },
      "application/x-texinfo": {
        source: "apache",
        extensions: ["texinfo", "texi"]
      },
      "application/x-tgif": {
        source: "apache",
        extensions: ["obj"]
      },
      "application/x-ustar": {
        source: "apache",
        extensions: ["ustar"]
      },
      "application/x-virtualbox-hdd": {
        compressible: true,
        extensions: ["hdd"]
      },
      "application/x-virtualbox-ova": {
        compressible: true,
        extensions: ["ova"]
      },
      "application/x-virtualbox-ovf": {
        compressible: true,
        extensions: ["ovf"]
      },
      "application/x-virtualbox-vbox": {
        compressible: true,
        extensions: ["vbox"]
      },
      "application/x-virtualbox-vbox-extpack": {
        compressible: false,
        extensions: ["vbox-extpack"]
      },
      "application/x-virtualbox-vdi": {
        compressible: true,
        extensions: ["vdi"]
      },
      "application/x-virtualbox-vhd": {
        compressible: true,
        extensions: ["vhd"]
      },
      "application/x-virtualbox-vmdk": {
        compressible: true,
        extensions: ["vmdk"]
      },
      "application/x-wais-source": {
        source: "apache",
        extensions: ["src"]
      },
      "application/x-web-app-manifest+json": {
        compressible: true,
        extensions: ["webapp"]
      },
      "application/x-www-form-urlencoded": {
        source: "iana",
        compressible: true
      },
      "application/x-x509-ca-cert": {
        source: "iana",
        extensions: ["der", "crt", "pem"]
      },
      "application/x-x509-ca-ra-cert": {
        source: "iana"
      },
      "application/x-x509-next-ca-cert": {
        source: "iana"
      },
      "application/x-xfig": {
        source: "apache",
        extensions: ["fig"]
      },
      "application/x-xliff+xml": {
        source: "apache",
        compressible: true,
        extensions: ["xlf"]
      },
      "application/x-xpinstall": {
        source: "apache",
        compressible: false,
        extensions: ["xpi"]
      },
      "application/x-xz": {
        source: "apache",
        extensions: ["xz"]
      },
      "application/x-zip-compressed": {
        extensions: ["zip"]
      },
      "application/x-zmachine": {
        source: "apache",
        extensions: ["z1", "z2", "z3", "z4", "z5", "z6", "z7", "z8"]
      },
      "application/x400-bp": {
        source: "iana"
      },
      "application/xacml+xml": {
        source: "iana",
        compressible: true
      },
      "application/xaml+xml": {
        source: "apache",
        compressible: true,
        extensions: ["xaml"]
      },
      "application/xcap-att+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xav"]
      },
      "application/xcap-caps+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xca"]
      },
      "application/xcap-diff+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xdf"]
      },
      "application/xcap-el+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xel"]
      },
      "application/xcap-error+xml": {
        source: "iana",
        compressible: true
      },
      "application/xcap-ns+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xns"]
      },
      "application/xcon-conference-info+xml": {
        source: "iana",
        compressible: true
      },
      "application/xcon-conference-info-diff+xml": {
        source: "iana",
        compressible: true
      },
      "application/xenc+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xenc"]
      },
      "application/xfdf": {
        source: "iana",
        extensions: ["xfdf"]
      },
      "application/xhtml+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xhtml", "xht"]
      },
      "application/xhtml-voice+xml": {
        source: "apache",
        compressible: true
      },
      "application/xliff+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xlf"]
      },
      "application/xml": {
        source: "iana",
        compressible: true,
        extensions: ["xml", "xsl", "xsd", "rng"]
      },
      "application/xml-dtd": {
        source: "iana",
        compressible: true,
        extensions: ["dtd"]
      },
      "application/xml-external-parsed-entity": {
        source: "iana"
      },
      "application/xml-patch+xml": {
        source: "iana",
        compressible: true
      },
      "application/xmpp+xml": {
        source: "iana",
        compressible: true
      },
      "application/xop+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xop"]
      },
      "application/xproc+xml": {
        source: "apache",
        compressible: true,
        extensions: ["xpl"]
      },
      "application/xslt+xml": {
        source: "iana",
        compressible: true,
        extensions: ["xsl", "xslt"]
      },
      "application/xspf+xml": {
        source: "apache",
        compressible: true,
        extensions: ["xspf"]
      },
      "application/xv+xml": {
        source: "iana",
        compressible: true,
        extensions: ["mxml", "xhvml", "xvml", "xvm"]
      },
      "application/yaml": {
        source: "iana"
      },
      "application/yang": {
        source: "iana",
        extensions: ["yang"]
      },
      "application/yang-data+cbor": {
        source: "iana"
      },
      "application/yang-data+json": {
        source: "iana",
        compressible: true
      },
      "application/yang-data+xml": {
        source: "iana",
        compressible: true
      },
      "application/yang-patch+json": {
        source: "iana",
        compressible: true
      },
      "application/yang-patch+xml": {
        source: "iana",
        compressible: true
      },
      "application/yang-sid+json": {
        source: "iana",
        compressible: true
      },
      "application/yin+xml": {
        source: "iana",
        compressible: true,
        extensions: ["yin"]
      },
      "application/zip": {
        source: "iana",
        compressible: false,
        extensions: ["zip"]
      },
      "application/zip+dotlottie": {
        extensions: ["lottie"]
      },
      "application/zlib": {
        source: "iana"
      },
      "application/zstd": {
        source: "iana"
      },
      "audio/1d-interleaved-parityfec": {
        source: "iana"
      },
      "audio/32kadpcm": {
        source: "iana"
      },
      "audio/3gpp": {
        source: "iana",
        compressible: false,
        extensions: ["3gpp"]
      },
      "audio/3gpp2": {
        source: "iana"
      },
      "audio/aac": {
        source: "iana",
        extensions: ["adts", "aac"]
      },
      "audio/ac3": {
        source: "iana"
      },
      "audio/adpcm": {
        source: "apache",
        extensions: ["adp"]
      },
      "audio/amr": {
        source: "iana",
        extensions: ["amr"]
      },
      "audio/amr-wb": {
        source: "iana"
      },
      "audio/amr-wb+": {
        source: "iana"
      },
      "audio/aptx": {
        source: "iana"
      },
      "audio/asc": {
        source: "iana"
      },
      "audio/atrac-advanced-lossless": {
        source: "iana"
      },
      "audio/atrac-x": {
        source: "iana"
      },
      "audio/atrac3": {
        source: "iana"
      },
      "audio/basic": {
        source: "iana",
        compressible: false,
        extensions: ["au", "snd"]
      },
      "audio/bv16": {
        source: "iana"
      },
      "audio/bv32": {
        source: "iana"
      },
      "audio/clearmode": {
        source: "iana"
      },
      "audio/cn": {
        source: "iana"
      },
      "audio/dat12": {
        source: "iana"
      },
      "audio/dls": {
        source: "iana"
      },
      "audio/dsr-es201108": {
        source: "iana"
      },
      "audio/dsr-es202050": {
        source: "iana"
      },
      "audio/dsr-es202211": {
        source: "iana"
      },
      "audio/dsr-es202212": {
        source: "iana"
      },
      "audio/dv": {
        source: "iana"
      },
      "audio/dvi4": {
        source: "iana"
      },
      "audio/eac3": {
        source: "iana"
      },
      "audio/encaprtp": {
        source: "iana"
      },
      "audio/evrc": {
        source: "iana"
      },
      "audio/evrc-qcp": {
        source: "iana"
      },
      "audio/evrc0": {
        source: "iana"
      },
      "audio/evrc1": {
        source: "iana"
      },
      "audio/evrcb": {
        source: "iana"
      },
      "audio/evrcb0": {
        source: "iana"
      },
      "audio/evrcb1": {
        source: "iana"
      },
      "audio/evrcnw": {
        source: "iana"
      },
      "audio/evrcnw0": {
        source: "iana"
      },
      "audio/evrcnw1": {
        source: "iana"
      },
      "audio/evrcwb": {
        source: "iana"
      },
      "audio/evrcwb0": {
        source: "iana"
      },
      "audio/evrcwb1": {
        source: "iana"
      },
      "audio/evs": {
        source: "iana"
      },
      "audio/flac": {
        source: "iana"
      },
      "audio/flexfec": {
        source: "iana"
      },
      "audio/fwdred": {
        source: "iana"
      },
      "audio/g711-0": {
        source: "iana"
      },
      "audio/g719": {
        source: "iana"
      },
      "audio/g722": {
        source: "iana"
      },
      "audio/g7221": {
        source: "iana"
      },
      "audio/g723": {
        source: "iana"
      },
      "audio/g726-16": {
        source: "iana"
      },
      "audio/g726-24": {
        source: "iana"
      },
      "audio/g726-32": {
        source: "iana"
      },
      "audio/g726-40": {
        source: "iana"
      },
      "audio/g728": {
        source: "iana"
      },
      "audio/g729": {
        source: "iana"
      },
      "audio/g7291": {
        source: "iana"
      },
      "audio/g729d": {
        source: "iana"
      },
      "audio/g729e": {
        source: "iana"
      },
      "audio/gsm": {
        source: "iana"
      },
      "audio/gsm-efr": {
        source: "iana"
      },
      "audio/gsm-hr-08": {
        source: "iana"
      },
      "audio/ilbc": {
        source: "iana"
      },
      "audio/ip-mr_v2.5": {
        source: "iana"
      },
      "audio/isac": {
        source: "apache"
      },
      "audio/l16": {
        source: "iana"
      },
      "audio/l20": {
        source: "iana"
      },
      "audio/l24": {
        source: "iana",
        compressible: false
      },
      "audio/l8": {
        source: "iana"
      },
      "audio/lpc": {
        source: "iana"
      },
      "audio/matroska": {
        source: "iana"
      },
      "audio/melp": {
        source: "iana"
      },
      "audio/melp1200": {
        source: "iana"
      },
      "audio/melp2400": {
        source: "iana"
      },
      "audio/melp600": {
        source: "iana"
      },
      "audio/mhas": {
        source: "iana"
      },
      "audio/midi": {
        source: "apache",
        extensions: ["mid", "midi", "kar", "rmi"]
      },
      "audio/midi-clip": {
        source: "iana"
      },
      "audio/mobile-xmf": {
        source: "iana",
        extensions: ["mxmf"]
      },
      "audio/mp3": {
        compressible: false,
        extensions: ["mp3"]
      },
      "audio/mp4": {
        source: "iana",
        compressible: false,
        extensions: ["m4a", "mp4a", "m4b"]
      },
      "audio/mp4a-latm": {
        source: "iana"
      },
      "audio/mpa": {
        source: "iana"
      },
      "audio/mpa-robust": {
        source: "iana"
      },
      "audio/mpeg": {
        source: "iana",
        compressible: false,
        extensions: ["mpga", "mp2", "mp2a", "mp3", "m2a", "m3a"]
      },
      "audio/mpeg4-generic": {
        source: "iana"
      },
      "audio/musepack": {
        source: "apache"
      },
      "audio/ogg": {
        source: "iana",
        compressible: false,
        extensions: ["oga", "ogg", "spx", "opus"]
      },
      "audio/opus": {
        source: "iana"
      },
      "audio/parityfec": {
        source: "iana"
      },
      "audio/pcma": {
        source: "iana"
      },
      "audio/pcma-wb": {
        source: "iana"
      },
      "audio/pcmu": {
        source: "iana"
      },
      "audio/pcmu-wb": {
        source: "iana"
      },
      "audio/prs.sid": {
        source: "iana"
      },
      "audio/qcelp": {
        source: "iana"
      },
      "audio/raptorfec": {
        source: "iana"
      },
      "audio/red": {
        source: "iana"
      },
      "audio/rtp-enc-aescm128": {
        source: "iana"
      },
      "audio/rtp-midi": {
        source: "iana"
      },
      "audio/rtploopback": {
        source: "iana"
      },
      "audio/rtx": {
        source: "iana"
      },
      "audio/s3m": {
        source: "apache",
        extensions: ["s3m"]
      },
      "audio/scip": {
        source: "iana"
      },
      "audio/silk": {
        source: "apache",
        extensions: ["sil"]
      },
      "audio/smv": {
        source: "iana"
      },
      "audio/smv-qcp": {
        source: "iana"
      },
      "audio/smv0": {
        source: "iana"
      },
      "audio/sofa": {
        source: "iana"
      },
      "audio/sp-midi": {
        source: "iana"
      },
      "audio/speex": {
        source: "iana"
      },
      "audio/t140c": {
        source: "iana"
      },
      "audio/t38": {
        source: "iana"
      },
      "audio/telephone-event": {
        source: "iana"
      },
      "audio/tetra_acelp": {
        source: "iana"
      },
      "audio/tetra_acelp_bb": {
        source: "iana"
      },
      "audio/tone": {
        source: "iana"
      },
      "audio/tsvcis": {
        source: "iana"
      },
      "audio/uemclip": {
        source: "iana"
      },
      "audio/ulpfec": {
        source: "iana"
      },
      "audio/usac": {
        source: "iana"
      },
      "audio/vdvi": {
        source: "iana"
      },
      "audio/vmr-wb": {
        source: "iana"
      },
      "audio/vnd.3gpp.iufp": {
        source: "iana"
      },
      "audio/vnd.4sb": {
        source: "iana"
      },
      "audio/vnd.audiokoz": {
        source: "iana"
      },
      "audio/vnd.celp": {
        source: "iana"
      },
      "audio/vnd.cisco.nse": {
        source: "iana"
      },
      "audio/vnd.cmles.radio-events": {
        source: "iana"
      },
      "audio/vnd.cns.anp1": {
        source: "iana"
      },
      "audio/vnd.cns.inf1": {
        source: "iana"
      },
      "audio/vnd.dece.audio": {
        source: "iana",
        extensions: ["uva", "uvva"]
      },
      "audio/vnd.digital-winds": {
        source: "iana",
        extensions: ["eol"]
      },
      "audio/vnd.dlna.adts": {
        source: "iana"
      },
      "audio/vnd.dolby.heaac.1": {
        source: "iana"
      },
      "audio/vnd.dolby.heaac.2": {
        source: "iana"
      },
      "audio/vnd.dolby.mlp": {
        source: "iana"
      },
      "audio/vnd.dolby.mps": {
        source: "iana"
      },
      "audio/vnd.dolby.pl2": {
        source: "iana"
      },
      "audio/vnd.dolby.pl2x": {
        source: "iana"
      },
      "audio/vnd.dolby.pl2z": {
        source: "iana"
      },
      "audio/vnd.dolby.pulse.1": {
        source: "iana"
      },
      "audio/vnd.dra": {
        source: "iana",
        extensions: ["dra"]
      },
      "audio/vnd.dts": {
        source: "iana",
        extensions: ["dts"]
      },
      "audio/vnd.dts.hd": {
        source: "iana",
        extensions: ["dtshd"]
      },
      "audio/vnd.dts.uhd": {
        source: "iana"
      },
      "audio/vnd.dvb.file": {
        source: "iana"
      },
      "audio/vnd.everad.plj": {
        source: "iana"
      },
      "audio/vnd.hns.audio": {
        source: "iana"
      },
      "audio/vnd.lucent.voice": {
        source: "iana",
        extensions: ["lvp"]
      },
      "audio/vnd.ms-playready.media.pya": {
        source: "iana",
        extensions: ["pya"]
      },
      "audio/vnd.nokia.mobile-xmf": {
        source: "iana"
      },
      "audio/vnd.nortel.vbk": {
        source: "iana"
      },
      "audio/vnd.nuera.ecelp4800": {
        source: "iana",
        extensions: ["ecelp4800"]
      },
      "audio/vnd.nuera.ecelp7470": {
        source: "iana",
        extensions: ["ecelp7470"]
      },
      "audio/vnd.nuera.ecelp9600": {
        source: "iana",
        extensions: ["ecelp9600"]
      },
      "audio/vnd.octel.sbc": {
        source: "iana"
      },
      "audio/vnd.presonus.multitrack": {
        source: "iana"
      },
      "audio/vnd.qcelp": {
        source: "apache"
      },
      "audio/vnd.rhetorex.32kadpcm": {
        source: "iana"
      },
      "audio/vnd.rip": {
        source: "iana",
        extensions: ["rip"]
      },
      "audio/vnd.rn-realaudio": {
        compressible: false
      },
      "audio/vnd.sealedmedia.softseal.mpeg": {
        source: "iana"
      },
      "audio/vnd.vmx.cvsd": {
        source: "iana"
      },
      "audio/vnd.wave": {
        compressible: false
      },
      "audio/vorbis": {
        source: "iana",
        compressible: false
      },
      "audio/vorbis-config": {
        source: "iana"
      },
      "audio/wav": {
        compressible: false,
        extensions: ["wav"]
      },
      "audio/wave": {
        compressible: false,
        extensions: ["wav"]
      },
      "audio/webm": {
        source: "apache",
        compressible: false,
        extensions: ["weba"]
      },
      "audio/x-aac": {
        source: "apache",
        compressible: false,
        extensions: ["aac"]
      },
      "audio/x-aiff": {
        source: "apache",
        extensions: ["aif", "aiff", "aifc"]
      },
      "audio/x-caf": {
        source: "apache",
        compressible: false,
        extensions: ["caf"]
      },
      "audio/x-flac": {
        source: "apache",
        extensions: ["flac"]
      },
      "audio/x-m4a": {
        source: "nginx",
        extensions: ["m4a"]
      },
      "audio/x-matroska": {
        source: "apache",
        extensions: ["mka"]
      },
      "audio/x-mpegurl": {
        source: "apache",
        extensions: ["m3u"]
      },
      "audio/x-ms-wax": {
        source: "apache",
        extensions: ["wax"]
      },
      "audio/x-ms-wma": {
        source: "apache",
        extensions: ["wma"]
      },
      "audio/x-pn-realaudio": {
        source: "apache",
        extensions: ["ram", "ra"]
      },
      "audio/x-pn-realaudio-plugin": {
        source: "apache",
        extensions: ["rmp"]
      },
      "audio/x-realaudio": {
        source: "nginx",
        extensions: ["ra"]
      },
      "audio/x-tta": {
        source: "apache"
      },
      "audio/x-wav": {
        source: "apache",
        extensions: ["wav"]
      },
      "audio/xm": {
        source: "apache",
        extensions: ["xm"]
      },
      "chemical/x-cdx": {
        source: "apache",
        extensions: ["cdx"]
      },
      "chemical/x-cif": {
        source: "apache",
        extensions: ["cif"]
      },
      "chemical/x-cmdf": {
        source: "apache",
        extensions: ["cmdf"]
      },
      "chemical/x-cml": {
        source: "apache",
        extensions: ["cml"]
      },
      "chemical/x-csml": {
        source: "apache",
        extensions: ["csml"]
      },
      "chemical/x-pdb": {
        source: "apache"
      },
      "chemical/x-xyz": {
        source: "apache",
        extensions: ["xyz"]
      },
      "font/collection": {
        source: "iana",
        extensions: ["ttc"]
      },
      "font/otf": {
        source: "iana",
        compressible: true,
        extensions: ["otf"]
      },
      "font/sfnt": {
        source: "iana"
      },
      "font/ttf": {
        source: "iana",
        compressible: true,
        extensions: ["ttf"]
      },
      "font/woff": {
        source: "iana",
        extensions: ["woff"]
      },
      "font/woff2": {
        source: "iana",
        extensions: ["woff2"]
      },
      "image/aces": {
        source: "iana",
        extensions: ["exr"]
      },
      "image/apng": {
        source: "iana",
        compressible: false,
        extensions: ["apng"]
      },
      "image/avci": {
        source: "iana",
        extensions: ["avci"]
      },
      "image/avcs": {
        source: "iana",
        extensions: ["avcs"]
      },
      "image/avif": {
        source: "iana",
        compressible: false,
        extensions: ["avif"]
      },
      "image/bmp": {
        source: "iana",
        compressible: true,
        extensions: ["bmp", "dib"]
      },
      "image/cgm": {
        source: "iana",
        extensions: ["cgm"]
      },
      "image/dicom-rle": {
        source: "iana",
        extensions: ["drle"]
      },
      "image/dpx": {
        source: "iana",
        extensions: ["dpx"]
      },
      "image/emf": {
        source: "iana",
        extensions: ["emf"]
      },
      "image/fits": {
        source: "iana",
        extensions: ["fits"]
      },
      "image/g3fax": {
        source: "iana",
        extensions: ["g3"]
      },
      "image/gif": {
        source: "iana",
        compressible: false,
        extensions: ["gif"]
      },
      "image/heic": {
        source: "iana",
        extensions: ["heic"]
      },
      "image/heic-sequence": {
        source: "iana",
        extensions: ["heics"]
      },
      "image/heif": {
        source: "iana",
        extensions: ["heif"]
      },
      "image/heif-sequence": {
        source: "iana",
        extensions: ["heifs"]
      },
      "image/hej2k": {
        source: "iana",
        extensions: ["hej2"]
      },
      "image/ief": {
        source: "iana",
        extensions: ["ief"]
      },
      "image/j2c": {
        source: "iana"
      },
      "image/jaii": {
        source: "iana",
        extensions: ["jaii"]
      },
      "image/jais": {
        source: "iana",
        extensions: ["jais"]
      },
      "image/jls": {
        source: "iana",
        extensions: ["jls"]
      },
      "image/jp2": {
        source: "iana",
        compressible: false,
        extensions: ["jp2", "jpg2"]
      },
      "image/jpeg": {
        source: "iana",
        compressible: false,
        extensions: ["jpg", "jpeg", "jpe"]
      },
      "image/jph": {
        source: "iana",
        extensions: ["jph"]
      },
      "image/jphc": {
        source: "iana",
        extensions: ["jhc"]
      },
      "image/jpm": {
        source: "iana",
        compressible: false,
        extensions: ["jpm", "jpgm"]
      },
      "image/jpx": {
        source: "iana",
        compressible: false,
        extensions: ["jpx", "jpf"]
      },
      "image/jxl": {
        source: "iana",
        extensions: ["jxl"]
      },
      "image/jxr": {
        source: "iana",
        extensions: ["jxr"]
      },
      "image/jxra": {
        source: "iana",
        extensions: ["jxra"]
      },
      "image/jxrs": {
        source: "iana",
        extensions: ["jxrs"]
      },
      "image/jxs": {
        source: "iana",
        extensions: ["jxs"]
      },
      "image/jxsc": {
        source: "iana",
        extensions: ["jxsc"]
      },
      "image/jxsi": {
        source: "iana",
        extensions: ["jxsi"]
      },
      "image/jxss": {
        source: "iana",
        extensions: ["jxss"]
      },
      "image/ktx": {
        source: "iana",
        extensions: ["ktx"]
      },
      "image/ktx2": {
        source: "iana",
        extensions: ["ktx2"]
      },
      "image/naplps": {
        source: "iana"
      },
      "image/pjpeg": {
        compressible: false,
        extensions: ["jfif"]
      },
      "image/png": {
        source: "iana",
        compressible: false,
        extensions: ["png"]
      },
      "image/prs.btif": {
        source: "iana",
        extensions: ["btif", "btf"]
      },
      "image/prs.pti": {
        source: "iana",
        extensions: ["pti"]
      },
      "image/pwg-raster": {
        source: "iana"
      },
      "image/sgi": {
        source: "apache",
        extensions: ["sgi"]
      },
      "image/svg+xml": {
        source: "iana",
        compressible: true,
        extensions: ["svg", "svgz"]
      },
      "image/t38": {
        source: "iana",
        extensions: ["t38"]
      },
      "image/tiff": {
        source: "iana",
        compressible: false,
        extensions: ["tif", "tiff"]
      },
      "image/tiff-fx": {
        source: "iana",
        extensions: ["tfx"]
      },
      "image/vnd.adobe.photoshop": {
        source: "iana",
        compressible: true,
        extensions: ["psd"]
      },
      "image/vnd.airzip.accelerator.azv": {
        source: "iana",
        extensions: ["azv"]
      },
      "image/vnd.clip": {
        source: "iana"
      },
      "image/vnd.cns.inf2": {
        source: "iana"
      },
      "image/vnd.dece.graphic": {
        source: "iana",
        extensions: ["uvi", "uvvi", "uvg", "uvvg"]
      },
      "image/vnd.djvu": {
        source: "iana",
        extensions: ["djvu", "djv"]
      },
      "image/vnd.dvb.subtitle": {
        source: "iana",
        extensions: ["sub"]
      },
      "image/vnd.dwg": {
        source: "iana",
        extensions: ["dwg"]
      },
      "image/vnd.dxf": {
        source: "iana",
        extensions: ["dxf"]
      },
      "image/vnd.fastbidsheet": {
        source: "iana",
        extensions: ["fbs"]
      },
      "image/vnd.fpx": {
        source: "iana",
        extensions: ["fpx"]
      },
      "image/vnd.fst": {
        source: "iana",
        extensions: ["fst"]
      },
      "image/vnd.fujixerox.edmics-mmr": {
        source: "iana",
        extensions: ["mmr"]
      },
      "image/vnd.fujixerox.edmics-rlc": {
        source: "iana",
        extensions: ["rlc"]
      },
      "image/vnd.globalgraphics.pgb": {
        source: "iana"
      },
      "image/vnd.microsoft.icon": {
        source: "iana",
        compressible: true,
        extensions: ["ico"]
      },
      "image/vnd.mix": {
        source: "iana"
      },
      "image/vnd.mozilla.apng": {
        source: "iana"
      },
      "image/vnd.ms-dds": {
        compressible: true,
        extensions: ["dds"]
      },
      "image/vnd.ms-modi": {
        source: "iana",
        extensions: ["mdi"]
      },
      "image/vnd.ms-photo": {
        source: "apache",
        extensions: ["wdp"]
      },
      "image/vnd.net-fpx": {
        source: "iana",
        extensions: ["npx"]
      },
      "image/vnd.pco.b16": {
        source: "iana",
        extensions: ["b16"]
      },
      "image/vnd.radiance": {
        source: "iana"
      },
      "image/vnd.sealed.png": {
        source: "iana"
      },
      "image/vnd.sealedmedia.softseal.gif": {
        source: "iana"
      },
      "image/vnd.sealedmedia.softseal.jpg": {
        source: "iana"
      },
      "image/vnd.svf": {
        source: "iana"
      },
      "image/vnd.tencent.tap": {
        source: "iana",
        extensions: ["tap"]
      },
      "image/vnd.valve.source.texture": {
        source: "iana",
        extensions: ["vtf"]
      },
      "image/vnd.wap.wbmp": {
        source: "iana",
        extensions: ["wbmp"]
      },
      "image/vnd.xiff": {
        source: "iana",
        extensions: ["xif"]
      },
      "image/vnd.zbrush.pcx": {
        source: "iana",
        extensions: ["pcx"]
      },
      "image/webp": {
        source: "iana",
        extensions: ["webp"]
      },
      "image/wmf": {
        source: "iana",
        extensions: ["wmf"]
      },
      "image/x-3ds": {
        source: "apache",
        extensions: ["3ds"]
      },
      "image/x-adobe-dng": {
        extensions: ["dng"]
      },
      "image/x-cmu-raster": {
        source: "apache",
        extensions: ["ras"]
      },
      "image/x-cmx": {
        source: "apache",
        extensions: ["cmx"]
      },
      "image/x-emf": {
        source: "iana"
      },
      "image/x-freehand": {
        source: "apache",
        extensions: ["fh", "fhc", "fh4", "fh5", "fh7"]
      },
      "image/x-icon": {
        source: "apache",
        compressible: true,
        extensions: ["ico"]
      },
      "image/x-jng": {
        source: "nginx",
        extensions: ["jng"]
      },
      "image/x-mrsid-image": {
        source: "apache",
        extensions: ["sid"]
      },
      "image/x-ms-bmp": {
        source: "nginx",
        compressible: true,
        extensions: ["bmp"]
      },
      "image/x-pcx": {
        source: "apache",
        extensions: ["pcx"]
      },
      "image/x-pict": {
        source: "apache",
        extensions: ["pic", "pct"]
      },
      "image/x-portable-anymap": {
        source: "apache",
        extensions: ["pnm"]
      },
      "image/x-portable-bitmap": {
        source: "apache",
        extensions: ["pbm"]
      },
      "image/x-portable-graymap": {
        source: "apache",
        extensions: ["pgm"]
      },
      "image/x-portable-pixmap": {
        source: "apache",
        extensions: ["ppm"]
      },
      "image/x-rgb": {
        source: "apache",
        extensions: ["rgb"]
      },
      "image/x-tga": {
        source: "apache",
        extensions: ["tga"]
      },
      "image/x-wmf": {
        source: "iana"
      },
      "image/x-xbitmap": {
        source: "apache",
        extensions: ["xbm"]
      },
      "image/x-xcf": {
        compressible: false
      },
      "image/x-xpixmap": {
        source: "apache",
        extensions: ["xpm"]
      },
      "image/x-xwindowdump": {
        source: "apache",
        extensions: ["xwd"]
      },
      "message/bhttp": {
        source: "iana"
      },
      "message/cpim": {
        source: "iana"
      },
      "message/delivery-status": {
        source: "iana"
      },
      "message/disposition-notification": {
        source: "iana",
        extensions: [
          "disposition-notification"
        ]
      },
      "message/external-body": {
        source: "iana"
      },
      "message/feedback-report": {
        source: "iana"
      },
      "message/global": {
        source: "iana",
        extensions: ["u8msg"]
      },
      "message/global-delivery-status": {
        source: "iana",
        extensions: ["u8dsn"]
      },
      "message/global-disposition-notification": {
        source: "iana",
        extensions: ["u8mdn"]
      },
      "message/global-headers": {
        source: "iana",
        extensions: ["u8hdr"]
      },
      "message/http": {
        source: "iana",
        compressible: false
      },
      "message/imdn+xml": {
        source: "iana",
        compressible: true
      },
      "message/mls": {
        source: "iana"
      },
      "message/news": {
        source: "apache"
      },
      "message/ohttp-req": {
        source: "iana"
      },
      "message/ohttp-res": {
        source: "iana"
      },
      "message/partial": {
        source: "iana",
        compressible: false
      },
      "message/rfc822": {
        source: "iana",
        compressible: true,
        extensions: ["eml", "mime", "mht", "mhtml"]
      },
      "message/s-http": {
        source: "apache"
      },
      "message/sip": {
        source: "iana"
      },
      "message/sipfrag": {
        source: "iana"
      },
      "message/tracking-status": {
        source: "iana"
      },
      "message/vnd.si.simp": {
        source: "apache"
      },
      "message/vnd.wfa.wsc": {
        source: "iana",
        extensions: ["wsc"]
      },
      "model/3mf": {
        source: "iana",
        extensions: ["3mf"]
      },
      "model/e57": {
        source: "iana"
      },
      "model/gltf+json": {
        source: "iana",
        compressible: true,
        extensions: ["gltf"]
      },
      "model/gltf-binary": {
        source: "iana",
        compressible: true,
        extensions: ["glb"]
      },
      "model/iges": {
        source: "iana",
        compressible: false,
        extensions: ["igs", "iges"]
      },
      "model/jt": {
        source: "iana",
        extensions: ["jt"]
      },
      "model/mesh": {
        source: "iana",
        compressible: false,
        extensions: ["msh", "mesh", "silo"]
      },
      "model/mtl": {
        source: "iana",
        extensions: ["mtl"]
      },
      "model/obj": {
        source: "iana",
        extensions: ["obj"]
      },
      "model/prc": {
        source: "iana",
        extensions: ["prc"]
      },
      "model/step": {
        source: "iana",
        extensions: ["step", "stp", "stpnc", "p21", "210"]
      },
      "model/step+xml": {
        source: "iana",
        compressible: true,
        extensions: ["stpx"]
      },
      "model/step+zip": {
        source: "iana",
        compressible: false,
        extensions: ["stpz"]
      },
      "model/step-xml+zip": {
        source: "iana",
        compressible: false,
        extensions: ["stpxz"]
      },
      "model/stl": {
        source: "iana",
        extensions: ["stl"]
      },
      "model/u3d": {
        source: "iana",
        extensions: ["u3d"]
      },
      "model/vnd.bary": {
        source: "iana",
        extensions: ["bary"]
      },
      "model/vnd.cld": {
        source: "iana",
        extensions: ["cld"]
      },
      "model/vnd.collada+xml": {
        source: "iana",
        compressible: true,
        extensions: ["dae"]
      },
      "model/vnd.dwf": {
        source: "iana",
        extensions: ["dwf"]
      },
      "model/vnd.flatland.3dml": {
        source: "iana"
      },
      "model/vnd.gdl": {
        source: "iana",
        extensions: ["gdl"]
      },
      "model/vnd.gs-gdl": {
        source: "apache"
      },
      "model/vnd.gs.gdl": {
        source: "iana"
      },
      "model/vnd.gtw": {
        source: "iana",
        extensions: ["gtw"]
      },
      "model/vnd.moml+xml": {
        source: "iana",
        compressible: true
      },
      "model/vnd.mts": {
        source: "iana",
        extensions: ["mts"]
      },
      "model/vnd.opengex": {
        source: "iana",
        extensions: ["ogex"]
      },
      "model/vnd.parasolid.transmit.binary": {
        source: "iana",
        extensions: ["x_b"]
      },
      "model/vnd.parasolid.transmit.text": {
        source: "iana",
        extensions: ["x_t"]
      },
      "model/vnd.pytha.pyox": {
        source: "iana",
        extensions: ["pyo", "pyox"]
      },
      "model/vnd.rosette.annotated-data-model": {
        source: "iana"
      },
      "model/vnd.sap.vds": {
        source: "iana",
        extensions: ["vds"]
      },
      "model/vnd.usda": {
        source: "iana",
        extensions: ["usda"]
      },
      "model/vnd.usdz+zip": {
        source: "iana",
        compressible: false,
        extensions: ["usdz"]
      },
      "model/vnd.valve.source.compiled-map": {
        source: "iana",
        extensions: ["bsp"]
      },
      "model/vnd.vtu": {
        source: "iana",
        extensions: ["vtu"]
      },
      "model/vrml": {
        source: "iana",
        compressible: false,
        extensions: ["wrl", "vrml"]
      },
      "model/x3d+binary": {
        source: "apache",
        compressible: false,
        extensions: ["x3db", "x3dbz"]
      },
      "model/x3d+fastinfoset": {
        source: "iana",
        extensions: ["x3db"]
      },
      "model/x3d+vrml": {
        source: "apache",
        compressible: false,
        extensions: ["x3dv", "x3dvz"]
      },
      "model/x3d+xml": {
        source: "iana",
        compressible: true,
        extensions: ["x3d", "x3dz"]
      },
      "model/x3d-vrml": {
        source: "iana",
        extensions: ["x3dv"]
      },
      "multipart/alternative": {
        source: "iana",
        compressible: false
      },
      "multipart/appledouble": {
        source: "iana"
      },
      "multipart/byteranges": {
        source: "iana"
      },
      "multipart/digest": {
        source: "iana"
      },
      "multipart/encrypted": {
        source: "iana",
        compressible: false
      },
      "multipart/form-data": {
        source: "iana",
        compressible: false
      },
      "multipart/header-set": {
        source: "iana"
      },
      "multipart/mixed": {
        source: "iana"
      },
      "multipart/multilingual": {
        source: "iana"
      },
      "multipart/parallel": {
        source: "iana"
      },
      "multipart/related": {
        source: "iana",
        compressible: false
      },
      "multipart/report": {
        source: "iana"
      },
      "multipart/signed": {
        source: "iana",
        compressible: false
      },
      "multipart/vnd.bint.med-plus": {
        source: "iana"
      },
      "multipart/voice-message": {
        source: "iana"
      },
      "multipart/x-mixed-replace": {
        source: "iana"
      },
      "text/1d-interleaved-parityfec": {
        source: "iana"
      },
      "text/cache-manifest": {
        source: "iana",
        compressible: true,
        extensions: ["appcache", "manifest"]
      },
      "text/calendar": {
        source: "iana",
        extensions: ["ics", "ifb"]
      },
      "text/calender": {
        compressible: true
      },
      "text/cmd": {
        compressible: true
      },
      "text/coffeescript": {
        extensions: ["coffee", "litcoffee"]
      },
      "text/cql": {
        source: "iana"
      },
      "text/cql-expression": {
        source: "iana"
      },
      "text/cql-identifier": {
        source: "iana"
      },
      "text/css": {
        source: "iana",
        charset: "UTF-8",
        compressible: true,
        extensions: ["css"]
      },
      "text/csv": {
        source: "iana",
        compressible: true,
        extensions: ["csv"]
      },
      "text/csv-schema": {
        source: "iana"
      },
      "text/directory": {
        source: "iana"
      },
      "text/dns": {
        source: "iana"
      },
      "text/ecmascript": {
        source: "apache"
      },
      "text/encaprtp": {
        source: "iana"
      },
      "text/enriched": {
        source: "iana"
      },
      "text/fhirpath": {
        source: "iana"
      },
      "text/flexfec": {
        source: "iana"
      },
      "text/fwdred": {
        source: "iana"
      },
      "text/gff3": {
        source: "iana"
      },
      "text/grammar-ref-list": {
        source: "iana"
      },
      "text/hl7v2": {
        source: "iana"
      },
      "text/html": {
        source: "iana",
        compressible: true,
        extensions: ["html", "htm", "shtml"]
      },
      "text/jade": {
        extensions: ["jade"]
      },
      "text/javascript": {
        source: "iana",
        charset: "UTF-8",
        compressible: true,
        extensions: ["js", "mjs"]
      },
      "text/jcr-cnd": {
        source: "iana"
      },
      "text/jsx": {
        compressible: true,
        extensions: ["jsx"]
      },
      "text/less": {
        compressible: true,
        extensions: ["less"]
      },
      "text/markdown": {
        source: "iana",
        compressible: true,
        extensions: ["md", "markdown"]
      },
      "text/mathml": {
        source: "nginx",
        extensions: ["mml"]
      },
      "text/mdx": {
        compressible: true,
        extensions: ["mdx"]
      },
      "text/mizar": {
        source: "iana"
      },
      "text/n3": {
        source: "iana",
        charset: "UTF-8",
        compressible: true,
        extensions: ["n3"]
      },
      "text/parameters": {
        source: "iana",
        charset: "UTF-8"
      },
      "text/parityfec": {
        source: "iana"
      },
      "text/plain": {
        source: "iana",
        compressible: true,
        extensions: ["txt", "text", "conf", "def", "list", "log", "in", "ini"]
      },
      "text/provenance-notation": {
        source: "iana",
        charset: "UTF-8"
      },
      "text/prs.fallenstein.rst": {
        source: "iana"
      },
      "text/prs.lines.tag": {
        source: "iana",
        extensions: ["dsc"]
      },
      "text/prs.prop.logic": {
        source: "iana"
      },
      "text/prs.texi": {
        source: "iana"
      },
      "text/raptorfec": {
        source: "iana"
      },
      "text/red": {
        source: "iana"
      },
      "text/rfc822-headers": {
        source: "iana"
      },
      "text/richtext": {
        source: "iana",
        compressible: true,
        extensions: ["rtx"]
      },
      "text/rtf": {
        source: "iana",
        compressible: true,
        extensions: ["rtf"]
      },
      "text/rtp-enc-aescm128": {
        source: "iana"
      },
      "text/rtploopback": {
        source: "iana"
      },
      "text/rtx": {
        source: "iana"
      },
      "text/sgml": {
        source: "iana",
        extensions: ["sgml", "sgm"]
      },
      "text/shaclc": {
        source: "iana"
      },
      "text/shex": {
        source: "iana",
        extensions: ["shex"]
      },
      "text/slim": {
        extensions: ["slim", "slm"]
      },
      "text/spdx": {
        source: "iana",
        extensions: ["spdx"]
      },
      "text/strings": {
        source: "iana"
      },
      "text/stylus": {
        extensions: ["stylus", "styl"]
      },
      "text/t140": {
        source: "iana"
      },
      "text/tab-separated-values": {
        source: "iana",
        compressible: true,
        extensions: ["tsv"]
      },
      "text/troff": {
        source: "iana",
        extensions: ["t", "tr", "roff", "man", "me", "ms"]
      },
      "text/turtle": {
        source: "iana",
        charset: "UTF-8",
        extensions: ["ttl"]
      },
      "text/ulpfec": {
        source: "iana"
      },
      "text/uri-list": {
        source: "iana",
        compressible: true,
        extensions: ["uri", "uris", "urls"]
      },
      "text/vcard": {
        source: "iana",
        compressible: true,
        extensions: ["vcard"]
      },
      "text/vnd.a": {
        source: "iana"
      },
      "text/vnd.abc": {
        source: "iana"
      },
      "text/vnd.ascii-art": {
        source: "iana"
      },
      "text/vnd.curl": {
        source: "iana",
        extensions: ["curl"]
      },
      "text/vnd.curl.dcurl": {
        source: "apache",
        extensions: ["dcurl"]
      },
      "text/vnd.curl.mcurl": {
        source: "apache",
        extensions: ["mcurl"]
      },
      "text/vnd.curl.scurl": {
        source: "apache",
        extensions: ["scurl"]
      },
      "text/vnd.debian.copyright": {
        source: "iana",
        charset: "UTF-8"
      },
      "text/vnd.dmclientscript": {
        source: "iana"
      },
      "text/vnd.dvb.subtitle": {
        source: "iana",
        extensions: ["sub"]
      },
      "text/vnd.esmertec.theme-descriptor": {
        source: "iana",
        charset: "UTF-8"
      },
      "text/vnd.exchangeable": {
        source: "iana"
      },
      "text/vnd.familysearch.gedcom": {
        source: "iana",
        extensions: ["ged"]
      },
      "text/vnd.ficlab.flt": {
        source: "iana"
      },
      "text/vnd.fly": {
        source: "iana",
        extensions: ["fly"]
      },
      "text/vnd.fmi.flexstor": {
        source: "iana",
        extensions: ["flx"]
      },
      "text/vnd.gml": {
        source: "iana"
      },
      "text/vnd.graphviz": {
        source: "iana",
        extensions: ["gv"]
      },
      "text/vnd.hans": {
        source: "iana"
      },
      "text/vnd.hgl": {
        source: "iana"
      },
      "text/vnd.in3d.3dml": {
        source: "iana",
        extensions: ["3dml"]
      },
      "text/vnd.in3d.spot": {
        source: "iana",
        extensions: ["spot"]
      },
      "text/vnd.iptc.newsml": {
        source: "iana"
      },
      "text/vnd.iptc.nitf": {
        source: "iana"
      },
      "text/vnd.latex-z": {
        source: "iana"
      },
      "text/vnd.motorola.reflex": {
        source: "iana"
      },
      "text/vnd.ms-mediapackage": {
        source: "iana"
      },
      "text/vnd.net2phone.commcenter.command": {
        source: "iana"
      },
      "text/vnd.radisys.msml-basic-layout": {
        source: "iana"
      },
      "text/vnd.senx.warpscript": {
        source: "iana"
      },
      "text/vnd.si.uricatalogue": {
        source: "apache"
      },
      "text/vnd.sosi": {
        source: "iana"
      },
      "text/vnd.sun.j2me.app-descriptor": {
        source: "iana",
        charset: "UTF-8",
        extensions: ["jad"]
      },
      "text/vnd.trolltech.linguist": {
        source: "iana",
        charset: "UTF-8"
      },
      "text/vnd.vcf": {
        source: "iana"
      },
      "text/vnd.wap.si": {
        source: "iana"
      },
      "text/vnd.wap.sl": {
        source: "iana"
      },
      "text/vnd.wap.wml": {
        source: "iana",
        extensions: ["wml"]
      },
      "text/vnd.wap.wmlscript": {
        source: "iana",
        extensions: ["wmls"]
      },
      "text/vnd.zoo.kcl": {
        source: "iana"
      },
      "text/vtt": {
        source: "iana",
        charset: "UTF-8",
        compressible: true,
        extensions: ["vtt"]
      },
      "text/wgsl": {
        source: "iana",
        extensions: ["wgsl"]
      },
      "text/x-asm": {
        source: "apache",
        extensions: ["s", "asm"]
      },
      "text/x-c": {
        source: "apache",
        extensions: ["c", "cc", "cxx", "cpp", "h", "hh", "dic"]
      },
      "text/x-component": {
        source: "nginx",
        extensions: ["htc"]
      },
      "text/x-fortran": {
        source: "apache",
        extensions: ["f", "for", "f77", "f90"]
      },
      "text/x-gwt-rpc": {
        compressible: true
      },
      "text/x-handlebars-template": {
        extensions: ["hbs"]
      },
      "text/x-java-source": {
        source: "apache",
        extensions: ["java"]
      },
      "text/x-jquery-tmpl": {
        compressible: true
      },
      "text/x-lua": {
        extensions: ["lua"]
      },
      "text/x-markdown": {
        compressible: true,
        extensions: ["mkd"]
      },
      "text/x-nfo": {
        source: "apache",
        extensions: ["nfo"]
      },
      "text/x-opml": {
        source: "apache",
        extensions: ["opml"]
      },
      "text/x-org": {
        compressible: true,
        extensions: ["org"]
      },
      "text/x-pascal": {
        source: "apache",
        extensions: ["p", "pas"]
      },
      "text/x-processing": {
        compressible: true,
        extensions: ["pde"]
      },
      "text/x-sass": {
        extensions: ["sass"]
      },
      "text/x-scss": {
        extensions: ["scss"]
      },
      "text/x-setext": {
        source: "apache",
        extensions: ["etx"]
      },
      "text/x-sfv": {
        source: "apache",
        extensions: ["sfv"]
      },
      "text/x-suse-ymp": {
        compressible: true,
        extensions: ["ymp"]
      },
      "text/x-uuencode": {
        source: "apache",
        extensions: ["uu"]
      },
      "text/x-vcalendar": {
        source: "apache",
        extensions: ["vcs"]
      },
      "text/x-vcard": {
        source: "apache",
        extensions: ["vcf"]
      },
      "text/xml": {
        source: "iana",
        compressible: true,
        extensions: ["xml"]
      },
      "text/xml-external-parsed-entity": {
        source: "iana"
      },
      "text/yaml": {
        compressible: true,
        extensions: ["yaml", "yml"]
      },
      "video/1d-interleaved-parityfec": {
        source: "iana"
      },
      "video/3gpp": {
        source: "iana",
        extensions: ["3gp", "3gpp"]
      },
      "video/3gpp-tt": {
        source: "iana"
      },
      "video/3gpp2": {
        source: "iana",
        extensions: ["3g2"]
      },
      "video/av1": {
        source: "iana"
      },
      "video/bmpeg": {
        source: "iana"
      },
      "video/bt656": {
        source: "iana"
      },
      "video/celb": {
        source: "iana"
      },
      "video/dv": {
        source: "iana"
      },
      "video/encaprtp": {
        source: "iana"
      },
      "video/evc": {
        source: "iana"
      },
      "video/ffv1": {
        source: "iana"
      },
      "video/flexfec": {
        source: "iana"
      },
      "video/h261": {
        source: "iana",
        extensions: ["h261"]
      },
      "video/h263": {
        source: "iana",
        extensions: ["h263"]
      },
      "video/h263-1998": {
        source: "iana"
      },
      "video/h263-2000": {
        source: "iana"
      },
      "video/h264": {
        source: "iana",
        extensions: ["h264"]
      },
      "video/h264-rcdo": {
        source: "iana"
      },
      "video/h264-svc": {
        source: "iana"
      },
      "video/h265": {
        source: "iana"
      },
      "video/h266": {
        source: "iana"
      },
      "video/iso.segment": {
        source: "iana",
        extensions: ["m4s"]
      },
      "video/jpeg": {
        source: "iana",
        extensions: ["jpgv"]
      },
      "video/jpeg2000": {
        source: "iana"
      },
      "video/jpm": {
        source: "apache",
        extensions: ["jpm", "jpgm"]
      },
      "video/jxsv": {
        source: "iana"
      },
      "video/lottie+json": {
        source: "iana",
        compressible: true
      },
      "video/matroska": {
        source: "iana"
      },
      "video/matroska-3d": {
        source: "iana"
      },
      "video/mj2": {
        source: "iana",
        extensions: ["mj2", "mjp2"]
      },
      "video/mp1s": {
        source: "iana"
      },
      "video/mp2p": {
        source: "iana"
      },
      "video/mp2t": {
        source: "iana",
        extensions: ["ts", "m2t", "m2ts", "mts"]
      },
      "video/mp4": {
        source: "iana",
        compressible: false,
        extensions: ["mp4", "mp4v", "mpg4"]
      },
      "video/mp4v-es": {
        source: "iana"
      },
      "video/mpeg": {
        source: "iana",
        compressible: false,
        extensions: ["mpeg", "mpg", "mpe", "m1v", "m2v"]
      },
      "video/mpeg4-generic": {
        source: "iana"
      },
      "video/mpv": {
        source: "iana"
      },
      "video/nv": {
        source: "iana"
      },
      "video/ogg": {
        source: "iana",
        compressible: false,
        extensions: ["ogv"]
      },
      "video/parityfec": {
        source: "iana"
      },
      "video/pointer": {
        source: "iana"
      },
      "video/quicktime": {
        source: "iana",
        compressible: false,
        extensions: ["qt", "mov"]
      },
      "video/raptorfec": {
        source: "iana"
      },
      "video/raw": {
        source: "iana"
      },
      "video/rtp-enc-aescm128": {
        source: "iana"
      },
      "video/rtploopback": {
        source: "iana"
      },
      "video/rtx": {
        source: "iana"
      },
      "video/scip": {
        source: "iana"
      },
      "video/smpte291": {
        source: "iana"
      },
      "video/smpte292m": {
        source: "iana"
      },
      "video/ulpfec": {
        source: "iana"
      },
      "video/vc1": {
        source: "iana"
      },
      "video/vc2": {
        source: "iana"
      },
      "video/vnd.cctv": {
        source: "iana"
      },
      "video/vnd.dece.hd": {
        source: "iana",
        extensions: ["uvh", "uvvh"]
      },
      "video/vnd.dece.mobile": {
        source: "iana",
        extensions: ["uvm", "uvvm"]
      },
      "video/vnd.dece.mp4": {
        source: "iana"
      },
      "video/vnd.dece.pd": {
        source: "iana",
        extensions: ["uvp", "uvvp"]
      },
      "video/vnd.dece.sd": {
        source: "iana",
        extensions: ["uvs", "uvvs"]
      },
      "video/vnd.dece.video": {
        source: "iana",
        extensions: ["uvv", "uvvv"]
      },
      "video/vnd.directv.mpeg": {
        source: "iana"
      },
      "video/vnd.directv.mpeg-tts": {
        source: "iana"
      },
      "video/vnd.dlna.mpeg-tts": {
        source: "iana"
      },
      "video/vnd.dvb.file": {
        source: "iana",
        extensions: ["dvb"]
      },
      "video/vnd.fvt": {
        source: "iana",
        extensions: ["fvt"]
      },
      "video/vnd.hns.video": {
        source: "iana"
      },
      "video/vnd.iptvforum.1dparityfec-1010": {
        source: "iana"
      },
      "video/vnd.iptvforum.1dparityfec-2005": {
        source: "iana"
      },
      "video/vnd.iptvforum.2dparityfec-1010": {
        source: "iana"
      },
      "video/vnd.iptvforum.2dparityfec-2005": {
        source: "iana"
      },
      "video/vnd.iptvforum.ttsavc": {
        source: "iana"
      },
      "video/vnd.iptvforum.ttsmpeg2": {
        source: "iana"
      },
      "video/vnd.motorola.video": {
        source: "iana"
      },
      "video/vnd.motorola.videop": {
        source: "iana"
      },
      "video/vnd.mpegurl": {
        source: "iana",
        extensions: ["mxu", "m4u"]
      },
      "video/vnd.ms-playready.media.pyv": {
        source: "iana",
        extensions: ["pyv"]
      },
      "video/vnd.nokia.interleaved-multimedia": {
        source: "iana"
      },
      "video/vnd.nokia.mp4vr": {
        source: "iana"
      },
      "video/vnd.nokia.videovoip": {
        source: "iana"
      },
      "video/vnd.objectvideo": {
        source: "iana"
      },
      "video/vnd.planar": {
        source: "iana"
      },
      "video/vnd.radgamettools.bink": {
        source: "iana"
      },
      "video/vnd.radgamettools.smacker": {
        source: "apache"
      },
      "video/vnd.sealed.mpeg1": {
        source: "iana"
      },
      "video/vnd.sealed.mpeg4": {
        source: "iana"
      },
      "video/vnd.sealed.swf": {
        source: "iana"
      },
      "video/vnd.sealedmedia.softseal.mov": {
        source: "iana"
      },
      "video/vnd.uvvu.mp4": {
        source: "iana",
        extensions: ["uvu", "uvvu"]
      },
      "video/vnd.vivo": {
        source: "iana",
        extensions: ["viv"]
      },
      "video/vnd.youtube.yt": {
        source: "iana"
      },
      "video/vp8": {
        source: "iana"
      },
      "video/vp9": {
        source: "iana"
      },
      "video/webm": {
        source: "apache",
        compressible: false,
        extensions: ["webm"]
      },
      "video/x-f4v": {
        source: "apache",
        extensions: ["f4v"]
      },
      "video/x-fli": {
        source: "apache",
        extensions: ["fli"]
      },
      "video/x-flv": {
        source: "apache",
        compressible: false,
        extensions: ["flv"]
      },
      "video/x-m4v": {
        source: "apache",
        extensions: ["m4v"]
      },
      "video/x-matroska": {
        source: "apache",
        compressible: false,
        extensions: ["mkv", "mk3d", "mks"]
      },
      "video/x-mng": {
        source: "apache",
        extensions: ["mng"]
      },
      "video/x-ms-asf": {
        source: "apache",
        extensions: ["asf", "asx"]
      },
      "video/x-ms-vob": {
        source: "apache",
        extensions: ["vob"]
      },
      "video/x-ms-wm": {
        source: "apache",
        extensions: ["wm"]
      },
      "video/x-ms-wmv": {
        source: "apache",
        compressible: false,
        extensions: ["wmv"]
      },
      "video/x-ms-wmx": {
        source: "apache",
        extensions: ["wmx"]
      },
      "video/x-ms-wvx": {
        source: "apache",
        extensions: ["wvx"]
      },
      "video/x-msvideo": {
        source: "apache",
        extensions: ["avi"]
      },
      "video/x-sgi-movie": {
        source: "apache",
        extensions: ["movie"]
      },
      "video/x-smv": {
        source: "apache",
        extensions: ["smv"]
      },
      "x-conference/x-cooltalk": {
        source: "apache",
        extensions: ["ice"]
      },
      "x-shader/x-fragment": {
        compressible: true
      },
      "x-shader/x-vertex": {
        compressible: true
      }
    };
  }
});

// ../../node_modules/.pnpm/mime-db@1.54.0/node_modules/mime-db/index.js
var require_mime_db = __commonJS({
  "../../node_modules/.pnpm/mime-db@1.54.0/node_modules/mime-db/index.js"(exports, module) {
    module.exports = require_db();
  }
});

// ../../node_modules/.pnpm/mime-types@3.0.2/node_modules/mime-types/mimeScore.js
var require_mimeScore = __commonJS({
  "../../node_modules/.pnpm/mime-types@3.0.2/node_modules/mime-types/mimeScore.js"(exports, module) {
    var FACET_SCORES = {
      "prs.": 100,
      "x-": 200,
      "x.": 300,
      "vnd.": 400,
      default: 900
    };
    var SOURCE_SCORES = {
      nginx: 10,
      apache: 20,
      iana: 40,
      default: 30
      // definitions added by `jshttp/mime-db` project?
    };
    var TYPE_SCORES = {
      // prefer application/xml over text/xml
      // prefer application/rtf over text/rtf
      application: 1,
      // prefer font/woff over application/font-woff
      font: 2,
      // prefer video/mp4 over audio/mp4 over application/mp4
      // See https://www.rfc-editor.org/rfc/rfc4337.html#section-2
      audio: 2,
      video: 3,
      default: 0
    };
    module.exports = function mimeScore(mimeType, source = "default") {
      if (mimeType === "application/octet-stream") {
        return 0;
      }
      const [type, subtype] = mimeType.split("/");
      const facet = subtype.replace(/(\.|x-).*/, "$1");
      const facetScore = FACET_SCORES[facet] || FACET_SCORES.default;
      const sourceScore = SOURCE_SCORES[source] || SOURCE_SCORES.default;
      const typeScore = TYPE_SCORES[type] || TYPE_SCORES.default;
      const lengthScore = 1 - mimeType.length / 100;
      return facetScore + sourceScore + typeScore + lengthScore;
    };
  }
});

// ../../node_modules/.pnpm/mime-types@3.0.2/node_modules/mime-types/index.js
var require_mime_types = __commonJS({
  "../../node_modules/.pnpm/mime-types@3.0.2/node_modules/mime-types/index.js"(exports) {
    "use strict";
    var db = require_mime_db();
    var extname = __require("path").extname;
    var mimeScore = require_mimeScore();
    var EXTRACT_TYPE_REGEXP = /^\s*([^;\s]*)(?:;|\s|$)/;
    var TEXT_TYPE_REGEXP = /^text\//i;
    exports.charset = charset;
    exports.charsets = { lookup: charset };
    exports.contentType = contentType;
    exports.extension = extension;
    exports.extensions = /* @__PURE__ */ Object.create(null);
    exports.lookup = lookup;
    exports.types = /* @__PURE__ */ Object.create(null);
    exports._extensionConflicts = [];
    populateMaps(exports.extensions, exports.types);
    function charset(type) {
      if (!type || typeof type !== "string") {
        return false;
      }
      var match = EXTRACT_TYPE_REGEXP.exec(type);
      var mime2 = match && db[match[1].toLowerCase()];
      if (mime2 && mime2.charset) {
        return mime2.charset;
      }
      if (match && TEXT_TYPE_REGEXP.test(match[1])) {
        return "UTF-8";
      }
      return false;
    }
    function contentType(str) {
      if (!str || typeof str !== "string") {
        return false;
      }
      var mime2 = str.indexOf("/") === -1 ? exports.lookup(str) : str;
      if (!mime2) {
        return false;
      }
      if (mime2.indexOf("charset") === -1) {
        var charset2 = exports.charset(mime2);
        if (charset2) mime2 += "; charset=" + charset2.toLowerCase();
      }
      return mime2;
    }
    function extension(type) {
      if (!type || typeof type !== "string") {
        return false;
      }
      var match = EXTRACT_TYPE_REGEXP.exec(type);
      var exts = match && exports.extensions[match[1].toLowerCase()];
      if (!exts || !exts.length) {
        return false;
      }
      return exts[0];
    }
    function lookup(path) {
      if (!path || typeof path !== "string") {
        return false;
      }
      var extension2 = extname("x." + path).toLowerCase().slice(1);
      if (!extension2) {
        return false;
      }
      return exports.types[extension2] || false;
    }
    function populateMaps(extensions, types) {
      Object.keys(db).forEach(function forEachMimeType(type) {
        var mime2 = db[type];
        var exts = mime2.extensions;
        if (!exts || !exts.length) {
          return;
        }
        extensions[type] = exts;
        for (var i = 0; i < exts.length; i++) {
          var extension2 = exts[i];
          types[extension2] = _preferredType(extension2, types[extension2], type);
          const legacyType = _preferredTypeLegacy(
            extension2,
            types[extension2],
            type
          );
          if (legacyType !== types[extension2]) {
            exports._extensionConflicts.push([extension2, legacyType, types[extension2]]);
          }
        }
      });
    }
    function _preferredType(ext, type0, type1) {
      var score0 = type0 ? mimeScore(type0, db[type0].source) : 0;
      var score1 = type1 ? mimeScore(type1, db[type1].source) : 0;
      return score0 > score1 ? type0 : type1;
    }
    function _preferredTypeLegacy(ext, type0, type1) {
      var SOURCE_RANK = ["nginx", "apache", void 0, "iana"];
      var score0 = type0 ? SOURCE_RANK.indexOf(db[type0].source) : 0;
      var score1 = type1 ? SOURCE_RANK.indexOf(db[type1].source) : 0;
      if (exports.types[extension] !== "application/octet-stream" && (score0 > score1 || score0 === score1 && exports.types[extension]?.slice(0, 12) === "application/")) {
        return type0;
      }
      return score0 > score1 ? type0 : type1;
    }
  }
});

// ../../node_modules/.pnpm/busboy@1.6.0/node_modules/busboy/lib/utils.js
var require_utils = __commonJS({
  "../../node_modules/.pnpm/busboy@1.6.0/node_modules/busboy/lib/utils.js"(exports, module) {
    "use strict";
    function parseContentType(str) {
      if (str.length === 0)
        return;
      const params = /* @__PURE__ */ Object.create(null);
      let i = 0;
      for (; i < str.length; ++i) {
        const code = str.charCodeAt(i);
        if (TOKEN[code] !== 1) {
          if (code !== 47 || i === 0)
            return;
          break;
        }
      }
      if (i === str.length)
        return;
      const type = str.slice(0, i).toLowerCase();
      const subtypeStart = ++i;
      for (; i < str.length; ++i) {
        const code = str.charCodeAt(i);
        if (TOKEN[code] !== 1) {
          if (i === subtypeStart)
            return;
          if (parseContentTypeParams(str, i, params) === void 0)
            return;
          break;
        }
      }
      if (i === subtypeStart)
        return;
      const subtype = str.slice(subtypeStart, i).toLowerCase();
      return { type, subtype, params };
    }
    function parseContentTypeParams(str, i, params) {
      while (i < str.length) {
        for (; i < str.length; ++i) {
          const code = str.charCodeAt(i);
          if (code !== 32 && code !== 9)
            break;
        }
        if (i === str.length)
          break;
        if (str.charCodeAt(i++) !== 59)
          return;
        for (; i < str.length; ++i) {
          const code = str.charCodeAt(i);
          if (code !== 32 && code !== 9)
            break;
        }
        if (i === str.length)
          return;
        let name;
        const nameStart = i;
        for (; i < str.length; ++i) {
          const code = str.charCodeAt(i);
          if (TOKEN[code] !== 1) {
            if (code !== 61)
              return;
            break;
          }
        }
        if (i === str.length)
          return;
        name = str.slice(nameStart, i);
        ++i;
        if (i === str.length)
          return;
        let value = "";
        let valueStart;
        if (str.charCodeAt(i) === 34) {
          valueStart = ++i;
          let escaping = false;
          for (; i < str.length; ++i) {
            const code = str.charCodeAt(i);
            if (code === 92) {
              if (escaping) {
                valueStart = i;
                escaping = false;
              } else {
                value += str.slice(valueStart, i);
                escaping = true;
              }
              continue;
            }
            if (code === 34) {
              if (escaping) {
                valueStart = i;
                escaping = false;
                continue;
              }
              value += str.slice(valueStart, i);
              break;
            }
            if (escaping) {
              valueStart = i - 1;
              escaping = false;
            }
            if (QDTEXT[code] !== 1)
              return;
          }
          if (i === str.length)
            return;
          ++i;
        } else {
          valueStart = i;
          for (; i < str.length; ++i) {
            const code = str.charCodeAt(i);
            if (TOKEN[code] !== 1) {
              if (i === valueStart)
                return;
              break;
            }
          }
          value = str.slice(valueStart, i);
        }
        name = name.toLowerCase();
        if (params[name] === void 0)
          params[name] = value;
      }
      return params;
    }
    function parseDisposition(str, defDecoder) {
      if (str.length === 0)
        return;
      const params = /* @__PURE__ */ Object.create(null);
      let i = 0;
      for (; i < str.length; ++i) {
        const code = str.charCodeAt(i);
        if (TOKEN[code] !== 1) {
          if (parseDispositionParams(str, i, params, defDecoder) === void 0)
            return;
          break;
        }
      }
      const type = str.slice(0, i).toLowerCase();
      return { type, params };
    }
    function parseDispositionParams(str, i, params, defDecoder) {
      while (i < str.length) {
        for (; i < str.length; ++i) {
          const code = str.charCodeAt(i);
          if (code !== 32 && code !== 9)
            break;
        }
        if (i === str.length)
          break;
        if (str.charCodeAt(i++) !== 59)
          return;
        for (; i < str.length; ++i) {
          const code = str.charCodeAt(i);
          if (code !== 32 && code !== 9)
            break;
        }
        if (i === str.length)
          return;
        let name;
        const nameStart = i;
        for (; i < str.length; ++i) {
          const code = str.charCodeAt(i);
          if (TOKEN[code] !== 1) {
            if (code === 61)
              break;
            return;
          }
        }
        if (i === str.length)
          return;
        let value = "";
        let valueStart;
        let charset;
        name = str.slice(nameStart, i);
        if (name.charCodeAt(name.length - 1) === 42) {
          const charsetStart = ++i;
          for (; i < str.length; ++i) {
            const code = str.charCodeAt(i);
            if (CHARSET[code] !== 1) {
              if (code !== 39)
                return;
              break;
            }
          }
          if (i === str.length)
            return;
          charset = str.slice(charsetStart, i);
          ++i;
          for (; i < str.length; ++i) {
            const code = str.charCodeAt(i);
            if (code === 39)
              break;
          }
          if (i === str.length)
            return;
          ++i;
          if (i === str.length)
            return;
          valueStart = i;
          let encode = 0;
          for (; i < str.length; ++i) {
            const code = str.charCodeAt(i);
            if (EXTENDED_VALUE[code] !== 1) {
              if (code === 37) {
                let hexUpper;
                let hexLower;
                if (i + 2 < str.length && (hexUpper = HEX_VALUES[str.charCodeAt(i + 1)]) !== -1 && (hexLower = HEX_VALUES[str.charCodeAt(i + 2)]) !== -1) {
                  const byteVal = (hexUpper << 4) + hexLower;
                  value += str.slice(valueStart, i);
                  value += String.fromCharCode(byteVal);
                  i += 2;
                  valueStart = i + 1;
                  if (byteVal >= 128)
                    encode = 2;
                  else if (encode === 0)
                    encode = 1;
                  continue;
                }
                return;
              }
              break;
            }
          }
          value += str.slice(valueStart, i);
          value = convertToUTF8(value, charset, encode);
          if (value === void 0)
            return;
        } else {
          ++i;
          if (i === str.length)
            return;
          if (str.charCodeAt(i) === 34) {
            valueStart = ++i;
            let escaping = false;
            for (; i < str.length; ++i) {
              const code = str.charCodeAt(i);
              if (code === 92) {
                if (escaping) {
                  valueStart = i;
                  escaping = false;
                } else {
                  value += str.slice(valueStart, i);
                  escaping = true;
                }
                continue;
              }
              if (code === 34) {
                if (escaping) {
                  valueStart = i;
                  escaping = false;
                  continue;
                }
                value += str.slice(valueStart, i);
                break;
              }
              if (escaping) {
                valueStart = i - 1;
                escaping = false;
              }
              if (QDTEXT[code] !== 1)
                return;
            }
            if (i === str.length)
              return;
            ++i;
          } else {
            valueStart = i;
            for (; i < str.length; ++i) {
              const code = str.charCodeAt(i);
              if (TOKEN[code] !== 1) {
                if (i === valueStart)
                  return;
                break;
              }
            }
            value = str.slice(valueStart, i);
          }
          value = defDecoder(value, 2);
          if (value === void 0)
            return;
        }
        name = name.toLowerCase();
        if (params[name] === void 0)
          params[name] = value;
      }
      return params;
    }
    function getDecoder(charset) {
      let lc;
      while (true) {
        switch (charset) {
          case "utf-8":
          case "utf8":
            return decoders.utf8;
          case "latin1":
          case "ascii":
          // TODO: Make these a separate, strict decoder?
          case "us-ascii":
          case "iso-8859-1":
          case "iso8859-1":
          case "iso88591":
          case "iso_8859-1":
          case "windows-1252":
          case "iso_8859-1:1987":
          case "cp1252":
          case "x-cp1252":
            return decoders.latin1;
          case "utf16le":
          case "utf-16le":
          case "ucs2":
          case "ucs-2":
            return decoders.utf16le;
          case "base64":
            return decoders.base64;
          default:
            if (lc === void 0) {
              lc = true;
              charset = charset.toLowerCase();
              continue;
            }
            return decoders.other.bind(charset);
        }
      }
    }
    var decoders = {
      utf8: (data, hint) => {
        if (data.length === 0)
          return "";
        if (typeof data === "string") {
          if (hint < 2)
            return data;
          data = Buffer.from(data, "latin1");
        }
        return data.utf8Slice(0, data.length);
      },
      latin1: (data, hint) => {
        if (data.length === 0)
          return "";
        if (typeof data === "string")
          return data;
        return data.latin1Slice(0, data.length);
      },
      utf16le: (data, hint) => {
        if (data.length === 0)
          return "";
        if (typeof data === "string")
          data = Buffer.from(data, "latin1");
        return data.ucs2Slice(0, data.length);
      },
      base64: (data, hint) => {
        if (data.length === 0)
          return "";
        if (typeof data === "string")
          data = Buffer.from(data, "latin1");
        return data.base64Slice(0, data.length);
      },
      other: (data, hint) => {
        if (data.length === 0)
          return "";
        if (typeof data === "string")
          data = Buffer.from(data, "latin1");
        try {
          const decoder = new TextDecoder(exports);
          return decoder.decode(data);
        } catch {
        }
      }
    };
    function convertToUTF8(data, charset, hint) {
      const decode2 = getDecoder(charset);
      if (decode2)
        return decode2(data, hint);
    }
    function basename(path) {
      if (typeof path !== "string")
        return "";
      for (let i = path.length - 1; i >= 0; --i) {
        switch (path.charCodeAt(i)) {
          case 47:
          // '/'
          case 92:
            path = path.slice(i + 1);
            return path === ".." || path === "." ? "" : path;
        }
      }
      return path === ".." || path === "." ? "" : path;
    }
    var TOKEN = [
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      1,
      1,
      0,
      1,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      0,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0
    ];
    var QDTEXT = [
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1
    ];
    var CHARSET = [
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      0,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      1,
      0,
      1,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0
    ];
    var EXTENDED_VALUE = [
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      0,
      1,
      1,
      0,
      1,
      0,
      0,
      0,
      0,
      1,
      0,
      1,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      0,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0
    ];
    var HEX_VALUES = [
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      0,
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      10,
      11,
      12,
      13,
      14,
      15,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      10,
      11,
      12,
      13,
      14,
      15,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1
    ];
    module.exports = {
      basename,
      convertToUTF8,
      getDecoder,
      parseContentType,
      parseDisposition
    };
  }
});

// ../../node_modules/.pnpm/streamsearch@1.1.0/node_modules/streamsearch/lib/sbmh.js
var require_sbmh = __commonJS({
  "../../node_modules/.pnpm/streamsearch@1.1.0/node_modules/streamsearch/lib/sbmh.js"(exports, module) {
    "use strict";
    function memcmp(buf1, pos1, buf2, pos2, num) {
      for (let i = 0; i < num; ++i) {
        if (buf1[pos1 + i] !== buf2[pos2 + i])
          return false;
      }
      return true;
    }
    var SBMH = class {
      constructor(needle, cb) {
        if (typeof cb !== "function")
          throw new Error("Missing match callback");
        if (typeof needle === "string")
          needle = Buffer.from(needle);
        else if (!Buffer.isBuffer(needle))
          throw new Error(`Expected Buffer for needle, got ${typeof needle}`);
        const needleLen = needle.length;
        this.maxMatches = Infinity;
        this.matches = 0;
        this._cb = cb;
        this._lookbehindSize = 0;
        this._needle = needle;
        this._bufPos = 0;
        this._lookbehind = Buffer.allocUnsafe(needleLen);
        this._occ = [
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen
        ];
        if (needleLen > 1) {
          for (let i = 0; i < needleLen - 1; ++i)
            this._occ[needle[i]] = needleLen - 1 - i;
        }
      }
      reset() {
        this.matches = 0;
        this._lookbehindSize = 0;
        this._bufPos = 0;
      }
      push(chunk, pos) {
        let result;
        if (!Buffer.isBuffer(chunk))
          chunk = Buffer.from(chunk, "latin1");
        const chunkLen = chunk.length;
        this._bufPos = pos || 0;
        while (result !== chunkLen && this.matches < this.maxMatches)
          result = feed(this, chunk);
        return result;
      }
      destroy() {
        const lbSize = this._lookbehindSize;
        if (lbSize)
          this._cb(false, this._lookbehind, 0, lbSize, false);
        this.reset();
      }
    };
    function feed(self, data) {
      const len = data.length;
      const needle = self._needle;
      const needleLen = needle.length;
      let pos = -self._lookbehindSize;
      const lastNeedleCharPos = needleLen - 1;
      const lastNeedleChar = needle[lastNeedleCharPos];
      const end = len - needleLen;
      const occ = self._occ;
      const lookbehind = self._lookbehind;
      if (pos < 0) {
        while (pos < 0 && pos <= end) {
          const nextPos = pos + lastNeedleCharPos;
          const ch = nextPos < 0 ? lookbehind[self._lookbehindSize + nextPos] : data[nextPos];
          if (ch === lastNeedleChar && matchNeedle(self, data, pos, lastNeedleCharPos)) {
            self._lookbehindSize = 0;
            ++self.matches;
            if (pos > -self._lookbehindSize)
              self._cb(true, lookbehind, 0, self._lookbehindSize + pos, false);
            else
              self._cb(true, void 0, 0, 0, true);
            return self._bufPos = pos + needleLen;
          }
          pos += occ[ch];
        }
        while (pos < 0 && !matchNeedle(self, data, pos, len - pos))
          ++pos;
        if (pos < 0) {
          const bytesToCutOff = self._lookbehindSize + pos;
          if (bytesToCutOff > 0) {
            self._cb(false, lookbehind, 0, bytesToCutOff, false);
          }
          self._lookbehindSize -= bytesToCutOff;
          lookbehind.copy(lookbehind, 0, bytesToCutOff, self._lookbehindSize);
          lookbehind.set(data, self._lookbehindSize);
          self._lookbehindSize += len;
          self._bufPos = len;
          return len;
        }
        self._cb(false, lookbehind, 0, self._lookbehindSize, false);
        self._lookbehindSize = 0;
      }
      pos += self._bufPos;
      const firstNeedleChar = needle[0];
      while (pos <= end) {
        const ch = data[pos + lastNeedleCharPos];
        if (ch === lastNeedleChar && data[pos] === firstNeedleChar && memcmp(needle, 0, data, pos, lastNeedleCharPos)) {
          ++self.matches;
          if (pos > 0)
            self._cb(true, data, self._bufPos, pos, true);
          else
            self._cb(true, void 0, 0, 0, true);
          return self._bufPos = pos + needleLen;
        }
        pos += occ[ch];
      }
      while (pos < len) {
        if (data[pos] !== firstNeedleChar || !memcmp(data, pos, needle, 0, len - pos)) {
          ++pos;
          continue;
        }
        data.copy(lookbehind, 0, pos, len);
        self._lookbehindSize = len - pos;
        break;
      }
      if (pos > 0)
        self._cb(false, data, self._bufPos, pos < len ? pos : len, true);
      self._bufPos = len;
      return len;
    }
    function matchNeedle(self, data, pos, len) {
      const lb = self._lookbehind;
      const lbSize = self._lookbehindSize;
      const needle = self._needle;
      for (let i = 0; i < len; ++i, ++pos) {
        const ch = pos < 0 ? lb[lbSize + pos] : data[pos];
        if (ch !== needle[i])
          return false;
      }
      return true;
    }
    module.exports = SBMH;
  }
});

// ../../node_modules/.pnpm/busboy@1.6.0/node_modules/busboy/lib/types/multipart.js
var require_multipart = __commonJS({
  "../../node_modules/.pnpm/busboy@1.6.0/node_modules/busboy/lib/types/multipart.js"(exports, module) {
    "use strict";
    var { Readable, Writable } = __require("stream");
    var StreamSearch = require_sbmh();
    var {
      basename,
      convertToUTF8,
      getDecoder,
      parseContentType,
      parseDisposition
    } = require_utils();
    var BUF_CRLF = Buffer.from("\r\n");
    var BUF_CR = Buffer.from("\r");
    var BUF_DASH = Buffer.from("-");
    function noop() {
    }
    var MAX_HEADER_PAIRS = 2e3;
    var MAX_HEADER_SIZE = 16 * 1024;
    var HPARSER_NAME = 0;
    var HPARSER_PRE_OWS = 1;
    var HPARSER_VALUE = 2;
    var HeaderParser = class {
      constructor(cb) {
        this.header = /* @__PURE__ */ Object.create(null);
        this.pairCount = 0;
        this.byteCount = 0;
        this.state = HPARSER_NAME;
        this.name = "";
        this.value = "";
        this.crlf = 0;
        this.cb = cb;
      }
      reset() {
        this.header = /* @__PURE__ */ Object.create(null);
        this.pairCount = 0;
        this.byteCount = 0;
        this.state = HPARSER_NAME;
        this.name = "";
        this.value = "";
        this.crlf = 0;
      }
      push(chunk, pos, end) {
        let start = pos;
        while (pos < end) {
          switch (this.state) {
            case HPARSER_NAME: {
              let done = false;
              for (; pos < end; ++pos) {
                if (this.byteCount === MAX_HEADER_SIZE)
                  return -1;
                ++this.byteCount;
                const code = chunk[pos];
                if (TOKEN[code] !== 1) {
                  if (code !== 58)
                    return -1;
                  this.name += chunk.latin1Slice(start, pos);
                  if (this.name.length === 0)
                    return -1;
                  ++pos;
                  done = true;
                  this.state = HPARSER_PRE_OWS;
                  break;
                }
              }
              if (!done) {
                this.name += chunk.latin1Slice(start, pos);
                break;
              }
            }
            case HPARSER_PRE_OWS: {
              let done = false;
              for (; pos < end; ++pos) {
                if (this.byteCount === MAX_HEADER_SIZE)
                  return -1;
                ++this.byteCount;
                const code = chunk[pos];
                if (code !== 32 && code !== 9) {
                  start = pos;
                  done = true;
                  this.state = HPARSER_VALUE;
                  break;
                }
              }
              if (!done)
                break;
            }
            case HPARSER_VALUE:
              switch (this.crlf) {
                case 0:
                  for (; pos < end; ++pos) {
                    if (this.byteCount === MAX_HEADER_SIZE)
                      return -1;
                    ++this.byteCount;
                    const code = chunk[pos];
                    if (FIELD_VCHAR[code] !== 1) {
                      if (code !== 13)
                        return -1;
                      ++this.crlf;
                      break;
                    }
                  }
                  this.value += chunk.latin1Slice(start, pos++);
                  break;
                case 1:
                  if (this.byteCount === MAX_HEADER_SIZE)
                    return -1;
                  ++this.byteCount;
                  if (chunk[pos++] !== 10)
                    return -1;
                  ++this.crlf;
                  break;
                case 2: {
                  if (this.byteCount === MAX_HEADER_SIZE)
                    return -1;
                  ++this.byteCount;
                  const code = chunk[pos];
                  if (code === 32 || code === 9) {
                    start = pos;
                    this.crlf = 0;
                  } else {
                    if (++this.pairCount < MAX_HEADER_PAIRS) {
                      this.name = this.name.toLowerCase();
                      if (this.header[this.name] === void 0)
                        this.header[this.name] = [this.value];
                      else
                        this.header[this.name].push(this.value);
                    }
                    if (code === 13) {
                      ++this.crlf;
                      ++pos;
                    } else {
                      start = pos;
                      this.crlf = 0;
                      this.state = HPARSER_NAME;
                      this.name = "";
                      this.value = "";
                    }
                  }
                  break;
                }
                case 3: {
                  if (this.byteCount === MAX_HEADER_SIZE)
                    return -1;
                  ++this.byteCount;
                  if (chunk[pos++] !== 10)
                    return -1;
                  const header = this.header;
                  this.reset();
                  this.cb(header);
                  return pos;
                }
              }
              break;
          }
        }
        return pos;
      }
    };
    var FileStream = class extends Readable {
      constructor(opts, owner) {
        super(opts);
        this.truncated = false;
        this._readcb = null;
        this.once("end", () => {
          this._read();
          if (--owner._fileEndsLeft === 0 && owner._finalcb) {
            const cb = owner._finalcb;
            owner._finalcb = null;
            process.nextTick(cb);
          }
        });
      }
      _read(n) {
        const cb = this._readcb;
        if (cb) {
          this._readcb = null;
          cb();
        }
      }
    };
    var ignoreData = {
      push: (chunk, pos) => {
      },
      destroy: () => {
      }
    };
    function callAndUnsetCb(self, err) {
      const cb = self._writecb;
      self._writecb = null;
      if (err)
        self.destroy(err);
      else if (cb)
        cb();
    }
    function nullDecoder(val, hint) {
      return val;
    }
    var Multipart = class extends Writable {
      constructor(cfg) {
        const streamOpts = {
          autoDestroy: true,
          emitClose: true,
          highWaterMark: typeof cfg.highWaterMark === "number" ? cfg.highWaterMark : void 0
        };
        super(streamOpts);
        if (!cfg.conType.params || typeof cfg.conType.params.boundary !== "string")
          throw new Error("Multipart: Boundary not found");
        const boundary = cfg.conType.params.boundary;
        const paramDecoder = typeof cfg.defParamCharset === "string" && cfg.defParamCharset ? getDecoder(cfg.defParamCharset) : nullDecoder;
        const defCharset = cfg.defCharset || "utf8";
        const preservePath = cfg.preservePath;
        const fileOpts = {
          autoDestroy: true,
          emitClose: true,
          highWaterMark: typeof cfg.fileHwm === "number" ? cfg.fileHwm : void 0
        };
        const limits = cfg.limits;
        const fieldSizeLimit = limits && typeof limits.fieldSize === "number" ? limits.fieldSize : 1 * 1024 * 1024;
        const fileSizeLimit = limits && typeof limits.fileSize === "number" ? limits.fileSize : Infinity;
        const filesLimit = limits && typeof limits.files === "number" ? limits.files : Infinity;
        const fieldsLimit = limits && typeof limits.fields === "number" ? limits.fields : Infinity;
        const partsLimit = limits && typeof limits.parts === "number" ? limits.parts : Infinity;
        let parts = -1;
        let fields = 0;
        let files = 0;
        let skipPart = false;
        this._fileEndsLeft = 0;
        this._fileStream = void 0;
        this._complete = false;
        let fileSize = 0;
        let field;
        let fieldSize = 0;
        let partCharset;
        let partEncoding;
        let partType;
        let partName;
        let partTruncated = false;
        let hitFilesLimit = false;
        let hitFieldsLimit = false;
        this._hparser = null;
        const hparser = new HeaderParser((header) => {
          this._hparser = null;
          skipPart = false;
          partType = "text/plain";
          partCharset = defCharset;
          partEncoding = "7bit";
          partName = void 0;
          partTruncated = false;
          let filename;
          if (!header["content-disposition"]) {
            skipPart = true;
            return;
          }
          const disp = parseDisposition(
            header["content-disposition"][0],
            paramDecoder
          );
          if (!disp || disp.type !== "form-data") {
            skipPart = true;
            return;
          }
          if (disp.params) {
            if (disp.params.name)
              partName = disp.params.name;
            if (disp.params["filename*"])
              filename = disp.params["filename*"];
            else if (disp.params.filename)
              filename = disp.params.filename;
            if (filename !== void 0 && !preservePath)
              filename = basename(filename);
          }
          if (header["content-type"]) {
            const conType = parseContentType(header["content-type"][0]);
            if (conType) {
              partType = `${conType.type}/${conType.subtype}`;
              if (conType.params && typeof conType.params.charset === "string")
                partCharset = conType.params.charset.toLowerCase();
            }
          }
          if (header["content-transfer-encoding"])
            partEncoding = header["content-transfer-encoding"][0].toLowerCase();
          if (partType === "application/octet-stream" || filename !== void 0) {
            if (files === filesLimit) {
              if (!hitFilesLimit) {
                hitFilesLimit = true;
                this.emit("filesLimit");
              }
              skipPart = true;
              return;
            }
            ++files;
            if (this.listenerCount("file") === 0) {
              skipPart = true;
              return;
            }
            fileSize = 0;
            this._fileStream = new FileStream(fileOpts, this);
            ++this._fileEndsLeft;
            this.emit(
              "file",
              partName,
              this._fileStream,
              {
                filename,
                encoding: partEncoding,
                mimeType: partType
              }
            );
          } else {
            if (fields === fieldsLimit) {
              if (!hitFieldsLimit) {
                hitFieldsLimit = true;
                this.emit("fieldsLimit");
              }
              skipPart = true;
              return;
            }
            ++fields;
            if (this.listenerCount("field") === 0) {
              skipPart = true;
              return;
            }
            field = [];
            fieldSize = 0;
          }
        });
        let matchPostBoundary = 0;
        const ssCb = (isMatch, data, start, end, isDataSafe) => {
          retrydata:
            while (data) {
              if (this._hparser !== null) {
                const ret = this._hparser.push(data, start, end);
                if (ret === -1) {
                  this._hparser = null;
                  hparser.reset();
                  this.emit("error", new Error("Malformed part header"));
                  break;
                }
                start = ret;
              }
              if (start === end)
                break;
              if (matchPostBoundary !== 0) {
                if (matchPostBoundary === 1) {
                  switch (data[start]) {
                    case 45:
                      matchPostBoundary = 2;
                      ++start;
                      break;
                    case 13:
                      matchPostBoundary = 3;
                      ++start;
                      break;
                    default:
                      matchPostBoundary = 0;
                  }
                  if (start === end)
                    return;
                }
                if (matchPostBoundary === 2) {
                  matchPostBoundary = 0;
                  if (data[start] === 45) {
                    this._complete = true;
                    this._bparser = ignoreData;
                    return;
                  }
                  const writecb = this._writecb;
                  this._writecb = noop;
                  ssCb(false, BUF_DASH, 0, 1, false);
                  this._writecb = writecb;
                } else if (matchPostBoundary === 3) {
                  matchPostBoundary = 0;
                  if (data[start] === 10) {
                    ++start;
                    if (parts >= partsLimit)
                      break;
                    this._hparser = hparser;
                    if (start === end)
                      break;
                    continue retrydata;
                  } else {
                    const writecb = this._writecb;
                    this._writecb = noop;
                    ssCb(false, BUF_CR, 0, 1, false);
                    this._writecb = writecb;
                  }
                }
              }
              if (!skipPart) {
                if (this._fileStream) {
                  let chunk;
                  const actualLen = Math.min(end - start, fileSizeLimit - fileSize);
                  if (!isDataSafe) {
                    chunk = Buffer.allocUnsafe(actualLen);
                    data.copy(chunk, 0, start, start + actualLen);
                  } else {
                    chunk = data.slice(start, start + actualLen);
                  }
                  fileSize += chunk.length;
                  if (fileSize === fileSizeLimit) {
                    if (chunk.length > 0)
                      this._fileStream.push(chunk);
                    this._fileStream.emit("limit");
                    this._fileStream.truncated = true;
                    skipPart = true;
                  } else if (!this._fileStream.push(chunk)) {
                    if (this._writecb)
                      this._fileStream._readcb = this._writecb;
                    this._writecb = null;
                  }
                } else if (field !== void 0) {
                  let chunk;
                  const actualLen = Math.min(
                    end - start,
                    fieldSizeLimit - fieldSize
                  );
                  if (!isDataSafe) {
                    chunk = Buffer.allocUnsafe(actualLen);
                    data.copy(chunk, 0, start, start + actualLen);
                  } else {
                    chunk = data.slice(start, start + actualLen);
                  }
                  fieldSize += actualLen;
                  field.push(chunk);
                  if (fieldSize === fieldSizeLimit) {
                    skipPart = true;
                    partTruncated = true;
                  }
                }
              }
              break;
            }
          if (isMatch) {
            matchPostBoundary = 1;
            if (this._fileStream) {
              this._fileStream.push(null);
              this._fileStream = null;
            } else if (field !== void 0) {
              let data2;
              switch (field.length) {
                case 0:
                  data2 = "";
                  break;
                case 1:
                  data2 = convertToUTF8(field[0], partCharset, 0);
                  break;
                default:
                  data2 = convertToUTF8(
                    Buffer.concat(field, fieldSize),
                    partCharset,
                    0
                  );
              }
              field = void 0;
              fieldSize = 0;
              this.emit(
                "field",
                partName,
                data2,
                {
                  nameTruncated: false,
                  valueTruncated: partTruncated,
                  encoding: partEncoding,
                  mimeType: partType
                }
              );
            }
            if (++parts === partsLimit)
              this.emit("partsLimit");
          }
        };
        this._bparser = new StreamSearch(`\r
--${boundary}`, ssCb);
        this._writecb = null;
        this._finalcb = null;
        this.write(BUF_CRLF);
      }
      static detect(conType) {
        return conType.type === "multipart" && conType.subtype === "form-data";
      }
      _write(chunk, enc, cb) {
        this._writecb = cb;
        this._bparser.push(chunk, 0);
        if (this._writecb)
          callAndUnsetCb(this);
      }
      _destroy(err, cb) {
        this._hparser = null;
        this._bparser = ignoreData;
        if (!err)
          err = checkEndState(this);
        const fileStream = this._fileStream;
        if (fileStream) {
          this._fileStream = null;
          fileStream.destroy(err);
        }
        cb(err);
      }
      _final(cb) {
        this._bparser.destroy();
        if (!this._complete)
          return cb(new Error("Unexpected end of form"));
        if (this._fileEndsLeft)
          this._finalcb = finalcb.bind(null, this, cb);
        else
          finalcb(this, cb);
      }
    };
    function finalcb(self, cb, err) {
      if (err)
        return cb(err);
      err = checkEndState(self);
      cb(err);
    }
    function checkEndState(self) {
      if (self._hparser)
        return new Error("Malformed part header");
      const fileStream = self._fileStream;
      if (fileStream) {
        self._fileStream = null;
        fileStream.destroy(new Error("Unexpected end of file"));
      }
      if (!self._complete)
        return new Error("Unexpected end of form");
    }
    var TOKEN = [
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      1,
      1,
      0,
      1,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      0,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0
    ];
    var FIELD_VCHAR = [
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1
    ];
    module.exports = Multipart;
  }
});

// ../../node_modules/.pnpm/busboy@1.6.0/node_modules/busboy/lib/types/urlencoded.js
var require_urlencoded = __commonJS({
  "../../node_modules/.pnpm/busboy@1.6.0/node_modules/busboy/lib/types/urlencoded.js"(exports, module) {
    "use strict";
    var { Writable } = __require("stream");
    var { getDecoder } = require_utils();
    var URLEncoded = class extends Writable {
      constructor(cfg) {
        const streamOpts = {
          autoDestroy: true,
          emitClose: true,
          highWaterMark: typeof cfg.highWaterMark === "number" ? cfg.highWaterMark : void 0
        };
        super(streamOpts);
        let charset = cfg.defCharset || "utf8";
        if (cfg.conType.params && typeof cfg.conType.params.charset === "string")
          charset = cfg.conType.params.charset;
        this.charset = charset;
        const limits = cfg.limits;
        this.fieldSizeLimit = limits && typeof limits.fieldSize === "number" ? limits.fieldSize : 1 * 1024 * 1024;
        this.fieldsLimit = limits && typeof limits.fields === "number" ? limits.fields : Infinity;
        this.fieldNameSizeLimit = limits && typeof limits.fieldNameSize === "number" ? limits.fieldNameSize : 100;
        this._inKey = true;
        this._keyTrunc = false;
        this._valTrunc = false;
        this._bytesKey = 0;
        this._bytesVal = 0;
        this._fields = 0;
        this._key = "";
        this._val = "";
        this._byte = -2;
        this._lastPos = 0;
        this._encode = 0;
        this._decoder = getDecoder(charset);
      }
      static detect(conType) {
        return conType.type === "application" && conType.subtype === "x-www-form-urlencoded";
      }
      _write(chunk, enc, cb) {
        if (this._fields >= this.fieldsLimit)
          return cb();
        let i = 0;
        const len = chunk.length;
        this._lastPos = 0;
        if (this._byte !== -2) {
          i = readPctEnc(this, chunk, i, len);
          if (i === -1)
            return cb(new Error("Malformed urlencoded form"));
          if (i >= len)
            return cb();
          if (this._inKey)
            ++this._bytesKey;
          else
            ++this._bytesVal;
        }
        main:
          while (i < len) {
            if (this._inKey) {
              i = skipKeyBytes(this, chunk, i, len);
              while (i < len) {
                switch (chunk[i]) {
                  case 61:
                    if (this._lastPos < i)
                      this._key += chunk.latin1Slice(this._lastPos, i);
                    this._lastPos = ++i;
                    this._key = this._decoder(this._key, this._encode);
                    this._encode = 0;
                    this._inKey = false;
                    continue main;
                  case 38:
                    if (this._lastPos < i)
                      this._key += chunk.latin1Slice(this._lastPos, i);
                    this._lastPos = ++i;
                    this._key = this._decoder(this._key, this._encode);
                    this._encode = 0;
                    if (this._bytesKey > 0) {
                      this.emit(
                        "field",
                        this._key,
                        "",
                        {
                          nameTruncated: this._keyTrunc,
                          valueTruncated: false,
                          encoding: this.charset,
                          mimeType: "text/plain"
                        }
                      );
                    }
                    this._key = "";
                    this._val = "";
                    this._keyTrunc = false;
                    this._valTrunc = false;
                    this._bytesKey = 0;
                    this._bytesVal = 0;
                    if (++this._fields >= this.fieldsLimit) {
                      this.emit("fieldsLimit");
                      return cb();
                    }
                    continue;
                  case 43:
                    if (this._lastPos < i)
                      this._key += chunk.latin1Slice(this._lastPos, i);
                    this._key += " ";
                    this._lastPos = i + 1;
                    break;
                  case 37:
                    if (this._encode === 0)
                      this._encode = 1;
                    if (this._lastPos < i)
                      this._key += chunk.latin1Slice(this._lastPos, i);
                    this._lastPos = i + 1;
                    this._byte = -1;
                    i = readPctEnc(this, chunk, i + 1, len);
                    if (i === -1)
                      return cb(new Error("Malformed urlencoded form"));
                    if (i >= len)
                      return cb();
                    ++this._bytesKey;
                    i = skipKeyBytes(this, chunk, i, len);
                    continue;
                }
                ++i;
                ++this._bytesKey;
                i = skipKeyBytes(this, chunk, i, len);
              }
              if (this._lastPos < i)
                this._key += chunk.latin1Slice(this._lastPos, i);
            } else {
              i = skipValBytes(this, chunk, i, len);
              while (i < len) {
                switch (chunk[i]) {
                  case 38:
                    if (this._lastPos < i)
                      this._val += chunk.latin1Slice(this._lastPos, i);
                    this._lastPos = ++i;
                    this._inKey = true;
                    this._val = this._decoder(this._val, this._encode);
                    this._encode = 0;
                    if (this._bytesKey > 0 || this._bytesVal > 0) {
                      this.emit(
                        "field",
                        this._key,
                        this._val,
                        {
                          nameTruncated: this._keyTrunc,
                          valueTruncated: this._valTrunc,
                          encoding: this.charset,
                          mimeType: "text/plain"
                        }
                      );
                    }
                    this._key = "";
                    this._val = "";
                    this._keyTrunc = false;
                    this._valTrunc = false;
                    this._bytesKey = 0;
                    this._bytesVal = 0;
                    if (++this._fields >= this.fieldsLimit) {
                      this.emit("fieldsLimit");
                      return cb();
                    }
                    continue main;
                  case 43:
                    if (this._lastPos < i)
                      this._val += chunk.latin1Slice(this._lastPos, i);
                    this._val += " ";
                    this._lastPos = i + 1;
                    break;
                  case 37:
                    if (this._encode === 0)
                      this._encode = 1;
                    if (this._lastPos < i)
                      this._val += chunk.latin1Slice(this._lastPos, i);
                    this._lastPos = i + 1;
                    this._byte = -1;
                    i = readPctEnc(this, chunk, i + 1, len);
                    if (i === -1)
                      return cb(new Error("Malformed urlencoded form"));
                    if (i >= len)
                      return cb();
                    ++this._bytesVal;
                    i = skipValBytes(this, chunk, i, len);
                    continue;
                }
                ++i;
                ++this._bytesVal;
                i = skipValBytes(this, chunk, i, len);
              }
              if (this._lastPos < i)
                this._val += chunk.latin1Slice(this._lastPos, i);
            }
          }
        cb();
      }
      _final(cb) {
        if (this._byte !== -2)
          return cb(new Error("Malformed urlencoded form"));
        if (!this._inKey || this._bytesKey > 0 || this._bytesVal > 0) {
          if (this._inKey)
            this._key = this._decoder(this._key, this._encode);
          else
            this._val = this._decoder(this._val, this._encode);
          this.emit(
            "field",
            this._key,
            this._val,
            {
              nameTruncated: this._keyTrunc,
              valueTruncated: this._valTrunc,
              encoding: this.charset,
              mimeType: "text/plain"
            }
          );
        }
        cb();
      }
    };
    function readPctEnc(self, chunk, pos, len) {
      if (pos >= len)
        return len;
      if (self._byte === -1) {
        const hexUpper = HEX_VALUES[chunk[pos++]];
        if (hexUpper === -1)
          return -1;
        if (hexUpper >= 8)
          self._encode = 2;
        if (pos < len) {
          const hexLower = HEX_VALUES[chunk[pos++]];
          if (hexLower === -1)
            return -1;
          if (self._inKey)
            self._key += String.fromCharCode((hexUpper << 4) + hexLower);
          else
            self._val += String.fromCharCode((hexUpper << 4) + hexLower);
          self._byte = -2;
          self._lastPos = pos;
        } else {
          self._byte = hexUpper;
        }
      } else {
        const hexLower = HEX_VALUES[chunk[pos++]];
        if (hexLower === -1)
          return -1;
        if (self._inKey)
          self._key += String.fromCharCode((self._byte << 4) + hexLower);
        else
          self._val += String.fromCharCode((self._byte << 4) + hexLower);
        self._byte = -2;
        self._lastPos = pos;
      }
      return pos;
    }
    function skipKeyBytes(self, chunk, pos, len) {
      if (self._bytesKey > self.fieldNameSizeLimit) {
        if (!self._keyTrunc) {
          if (self._lastPos < pos)
            self._key += chunk.latin1Slice(self._lastPos, pos - 1);
        }
        self._keyTrunc = true;
        for (; pos < len; ++pos) {
          const code = chunk[pos];
          if (code === 61 || code === 38)
            break;
          ++self._bytesKey;
        }
        self._lastPos = pos;
      }
      return pos;
    }
    function skipValBytes(self, chunk, pos, len) {
      if (self._bytesVal > self.fieldSizeLimit) {
        if (!self._valTrunc) {
          if (self._lastPos < pos)
            self._val += chunk.latin1Slice(self._lastPos, pos - 1);
        }
        self._valTrunc = true;
        for (; pos < len; ++pos) {
          if (chunk[pos] === 38)
            break;
          ++self._bytesVal;
        }
        self._lastPos = pos;
      }
      return pos;
    }
    var HEX_VALUES = [
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      0,
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      10,
      11,
      12,
      13,
      14,
      15,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      10,
      11,
      12,
      13,
      14,
      15,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1
    ];
    module.exports = URLEncoded;
  }
});

// ../../node_modules/.pnpm/busboy@1.6.0/node_modules/busboy/lib/index.js
var require_lib = __commonJS({
  "../../node_modules/.pnpm/busboy@1.6.0/node_modules/busboy/lib/index.js"(exports, module) {
    "use strict";
    var { parseContentType } = require_utils();
    function getInstance(cfg) {
      const headers = cfg.headers;
      const conType = parseContentType(headers["content-type"]);
      if (!conType)
        throw new Error("Malformed content type");
      for (const type of TYPES) {
        const matched = type.detect(conType);
        if (!matched)
          continue;
        const instanceCfg = {
          limits: cfg.limits,
          headers,
          conType,
          highWaterMark: void 0,
          fileHwm: void 0,
          defCharset: void 0,
          defParamCharset: void 0,
          preservePath: false
        };
        if (cfg.highWaterMark)
          instanceCfg.highWaterMark = cfg.highWaterMark;
        if (cfg.fileHwm)
          instanceCfg.fileHwm = cfg.fileHwm;
        instanceCfg.defCharset = cfg.defCharset;
        instanceCfg.defParamCharset = cfg.defParamCharset;
        instanceCfg.preservePath = cfg.preservePath;
        return new type(instanceCfg);
      }
      throw new Error(`Unsupported content type: ${headers["content-type"]}`);
    }
    var TYPES = [
      require_multipart(),
      require_urlencoded()
    ].filter(function(typemod) {
      return typeof typemod.detect === "function";
    });
    module.exports = (cfg) => {
      if (typeof cfg !== "object" || cfg === null)
        cfg = {};
      if (typeof cfg.headers !== "object" || cfg.headers === null || typeof cfg.headers["content-type"] !== "string") {
        throw new Error("Missing Content-Type");
      }
      return getInstance(cfg);
    };
  }
});

// ../../apps/gateway/dist/src/index.js
import { createServer } from "node:http";

// ../../node_modules/.pnpm/lru-cache@11.5.4/node_modules/lru-cache/dist/esm/node/index.min.js
import { tracingChannel as G, channel as P } from "node:diagnostics_channel";
var m = P("lru-cache:metrics");
var O = G("lru-cache");
var x = typeof performance == "object" && performance && typeof performance.now == "function" ? performance : Date;
var C = () => m.hasSubscribers || O.hasSubscribers;
var I = /* @__PURE__ */ new Set();
var M = typeof process == "object" && process ? process : {};
var k = (c3, t, i, e) => {
  typeof M.emitWarning == "function" ? M.emitWarning(c3, t, i, e) : console.error(`[${i}] ${t}: ${c3}`);
};
var V = (c3) => !I.has(c3);
var E = (c3) => !!c3 && c3 === Math.floor(c3) && c3 > 0 && isFinite(c3);
var U = (c3) => E(c3) ? c3 <= Math.pow(2, 8) ? Uint8Array : c3 <= Math.pow(2, 16) ? Uint16Array : c3 <= Math.pow(2, 32) ? Uint32Array : c3 <= Number.MAX_SAFE_INTEGER ? D : null : null;
var D = class extends Array {
  constructor(t) {
    super(t), this.fill(0);
  }
};
var L = class c {
  heap;
  length;
  static #o = false;
  static create(t) {
    let i = U(t);
    if (!i) return [];
    c.#o = true;
    let e = new c(t, i);
    return c.#o = false, e;
  }
  constructor(t, i) {
    if (!c.#o) throw new TypeError("instantiate Stack using Stack.create(n)");
    this.heap = new i(t), this.length = 0;
  }
  push(t) {
    this.heap[this.length++] = t;
  }
  pop() {
    return this.heap[--this.length];
  }
};
var j = class c2 {
  #o;
  #c;
  #S;
  #R;
  #w;
  #I;
  #U;
  #b;
  get perf() {
    return this.#b;
  }
  ttl;
  ttlResolution;
  ttlAutopurge;
  updateAgeOnGet;
  updateAgeOnHas;
  allowStale;
  noDisposeOnSet;
  noUpdateTTL;
  maxEntrySize;
  sizeCalculation;
  noDeleteOnFetchRejection;
  noDeleteOnStaleGet;
  allowStaleOnFetchAbort;
  allowStaleOnFetchRejection;
  ignoreFetchAbort;
  backgroundFetchSize;
  #n;
  #m = 0;
  #y;
  #s;
  #i;
  #t;
  #f;
  #u;
  #l;
  #h;
  #_;
  #r;
  #F;
  #T;
  #d;
  #g;
  #A;
  #G;
  #a;
  #C;
  static unsafeExposeInternals(t) {
    return { starts: t.#T, ttls: t.#d, autopurgeTimers: t.#g, sizes: t.#F, keyMap: t.#s, keyList: t.#i, valList: t.#t, next: t.#f, prev: t.#u, get head() {
      return t.#l;
    }, get tail() {
      return t.#h;
    }, free: t.#_, isBackgroundFetch: (i) => t.#e(i), backgroundFetch: (i, e, s, n) => t.#k(i, e, s, n), moveToTail: (i) => t.#j(i), indexes: (i) => t.#z(i), rindexes: (i) => t.#E(i), isStale: (i) => t.#p(i) };
  }
  get max() {
    return this.#o;
  }
  get maxSize() {
    return this.#c;
  }
  get calculatedSize() {
    return this.#y;
  }
  get size() {
    return this.#n;
  }
  get fetchMethod() {
    return this.#I;
  }
  get memoMethod() {
    return this.#U;
  }
  get dispose() {
    return this.#S;
  }
  get onInsert() {
    return this.#R;
  }
  get disposeAfter() {
    return this.#w;
  }
  constructor(t) {
    let { max: i = 0, ttl: e, ttlResolution: s = 1, ttlAutopurge: n, updateAgeOnGet: h, updateAgeOnHas: l, allowStale: r, dispose: o, onInsert: f, disposeAfter: a, noDisposeOnSet: T, noUpdateTTL: u, maxSize: p = 0, maxEntrySize: w = 0, sizeCalculation: v, fetchMethod: F, memoMethod: z, noDeleteOnFetchRejection: d, noDeleteOnStaleGet: S, allowStaleOnFetchRejection: g, allowStaleOnFetchAbort: y, ignoreFetchAbort: b, backgroundFetchSize: A = 1, perf: _ } = t;
    if (A !== 0 && !E(A)) throw new TypeError("backgroundFetchSize must be a nonnegative integer");
    if (this.backgroundFetchSize = A, _ !== void 0 && typeof _?.now != "function") throw new TypeError("perf option must have a now() method if specified");
    if (this.#b = _ ?? x, i !== 0 && !E(i)) throw new TypeError("max option must be a nonnegative integer");
    let W = i ? U(i) : Array;
    if (!W) throw new Error("invalid max value: " + i);
    if (this.#o = i, this.#c = p, this.maxEntrySize = w || this.#c, this.sizeCalculation = v, this.sizeCalculation) {
      if (!this.#c && !this.maxEntrySize) throw new TypeError("cannot set sizeCalculation without setting maxSize or maxEntrySize");
      if (typeof this.sizeCalculation != "function") throw new TypeError("sizeCalculation set to non-function");
    }
    if (z !== void 0 && typeof z != "function") throw new TypeError("memoMethod must be a function if defined");
    if (this.#U = z, F !== void 0 && typeof F != "function") throw new TypeError("fetchMethod must be a function if specified");
    if (this.#I = F, this.#G = !!F, this.#s = /* @__PURE__ */ new Map(), this.#i = Array.from({ length: i }).fill(void 0), this.#t = Array.from({ length: i }).fill(void 0), this.#f = new W(i), this.#u = new W(i), this.#l = 0, this.#h = 0, this.#_ = L.create(i), this.#n = 0, this.#y = 0, typeof o == "function" && (this.#S = o), typeof f == "function" && (this.#R = f), typeof a == "function" ? (this.#w = a, this.#r = []) : (this.#w = void 0, this.#r = void 0), this.#A = !!this.#S, this.#C = !!this.#R, this.#a = !!this.#w, this.noDisposeOnSet = !!T, this.noUpdateTTL = !!u, this.noDeleteOnFetchRejection = !!d, this.allowStaleOnFetchRejection = !!g, this.allowStaleOnFetchAbort = !!y, this.ignoreFetchAbort = !!b, this.maxEntrySize !== 0) {
      if (this.#c !== 0 && !E(this.#c)) throw new TypeError("maxSize must be a positive integer if specified");
      if (!E(this.maxEntrySize)) throw new TypeError("maxEntrySize must be a positive integer if specified");
      this.#Y();
    }
    if (this.allowStale = !!r, this.noDeleteOnStaleGet = !!S, this.updateAgeOnGet = !!h, this.updateAgeOnHas = !!l, this.ttlResolution = E(s) || s === 0 ? s : 1, this.ttlAutopurge = !!n, this.ttl = e || 0, this.ttl) {
      if (!E(this.ttl)) throw new TypeError("ttl must be a positive integer if specified");
      this.#V();
    }
    if (this.#o === 0 && this.ttl === 0 && this.#c === 0) throw new TypeError("At least one of max, maxSize, or ttl is required");
    if (!this.ttlAutopurge && !this.#o && !this.#c) {
      let R = "LRU_CACHE_UNBOUNDED";
      V(R) && (I.add(R), k("TTL caching without ttlAutopurge, max, or maxSize can result in unbounded memory consumption.", "UnboundedCacheWarning", R, c2));
    }
  }
  getRemainingTTL(t) {
    return this.#s.has(t) ? 1 / 0 : 0;
  }
  #V() {
    let t = new D(this.#o), i = new D(this.#o);
    this.#d = t, this.#T = i;
    let e = this.ttlAutopurge ? Array.from({ length: this.#o }) : void 0;
    this.#g = e, this.#B = (r, o, f = this.#b.now()) => {
      i[r] = o !== 0 ? f : 0, t[r] = o, s(r, o);
    }, this.#L = (r) => {
      i[r] = t[r] !== 0 ? this.#b.now() : 0, s(r, t[r]);
    };
    let s = this.ttlAutopurge ? (r, o) => {
      if (e?.[r] && (clearTimeout(e[r]), e[r] = void 0), o && o !== 0 && e) {
        let f = Math.min(o + 1, 2147483647), a = setTimeout(() => {
          this.#p(r) ? (this.#v(this.#i[r], "expire"), e[r] = void 0) : s(r, l(r) || 1);
        }, f);
        a.unref && a.unref(), e[r] = a;
      }
    } : () => {
    };
    this.#W = (r, o) => {
      if (t[o]) {
        let f = t[o], a = i[o];
        if (!f || !a) return;
        r.ttl = f, r.start = a, r.now = n || h();
        let T = r.now - a;
        r.remainingTTL = f - T;
      }
    };
    let n = 0, h = () => {
      let r = this.#b.now();
      if (this.ttlResolution > 0) {
        n = r;
        let o = setTimeout(() => n = 0, this.ttlResolution);
        o.unref && o.unref();
      }
      return r;
    };
    this.getRemainingTTL = (r) => {
      let o = this.#s.get(r);
      return o === void 0 ? 0 : l(o);
    };
    let l = (r) => {
      let o = t[r], f = i[r];
      if (!o || !f) return 1 / 0;
      let a = (n || h()) - f;
      return o - a;
    };
    this.#p = (r) => {
      let o = i[r], f = t[r];
      return !!f && !!o && (n || h()) - o > f;
    };
  }
  #L = () => {
  };
  #W = () => {
  };
  #B = () => {
  };
  #p = () => false;
  #Y() {
    let t = new D(this.#o);
    this.#y = 0, this.#F = t, this.#O = (i) => {
      this.#y -= t[i], t[i] = 0;
    }, this.#H = (i, e, s, n) => {
      if (!E(s)) {
        if (this.#e(e)) return this.backgroundFetchSize;
        if (n) {
          if (typeof n != "function") throw new TypeError("sizeCalculation must be a function");
          if (s = n(e, i), !E(s)) throw new TypeError("sizeCalculation return invalid (expect positive integer)");
        } else throw new TypeError("invalid size value (must be positive integer). When maxSize or maxEntrySize is used, sizeCalculation or size must be set.");
      }
      return s;
    }, this.#x = (i, e, s) => {
      if (t[i] = e, this.#c) {
        let n = this.#c - t[i];
        for (; this.#y > n; ) this.#P(true);
      }
      this.#y += t[i], s && (s.entrySize = e, s.totalCalculatedSize = this.#y);
    };
  }
  #O = (t) => {
  };
  #x = (t, i, e) => {
  };
  #H = (t, i, e, s) => {
    if (e || s) throw new TypeError("cannot set size without setting maxSize or maxEntrySize on cache");
    return 0;
  };
  *#z({ allowStale: t = this.allowStale, once: i = true } = {}) {
    if (this.#n) {
      let e = this.#m, s = [], n;
      for (let h = this.#h; this.#N(h); ) {
        let l = false;
        if (i && (n === void 0 && e !== this.#m && (n = new Set(s)), n === void 0 ? s.push(h) : n.has(h) ? l = true : n.add(h)), !l && (t || !this.#p(h)) && (yield h), h === this.#l) break;
        h = this.#u[h];
      }
    }
  }
  *#E({ allowStale: t = this.allowStale, once: i = true } = {}) {
    if (this.#n) {
      let e = this.#m, s = [], n;
      for (let h = this.#l; this.#N(h); ) {
        let l = false;
        if (i && (n === void 0 && e !== this.#m && (n = new Set(s)), n === void 0 ? s.push(h) : n.has(h) ? l = true : n.add(h)), !l && (t || !this.#p(h)) && (yield h), h === this.#h) break;
        h = this.#f[h];
      }
    }
  }
  #N(t) {
    return t !== void 0 && this.#s.get(this.#i[t]) === t;
  }
  *entries() {
    for (let t of this.#z()) this.#t[t] !== void 0 && this.#i[t] !== void 0 && !this.#e(this.#t[t]) && (yield [this.#i[t], this.#t[t]]);
  }
  *rentries() {
    for (let t of this.#E()) this.#t[t] !== void 0 && this.#i[t] !== void 0 && !this.#e(this.#t[t]) && (yield [this.#i[t], this.#t[t]]);
  }
  *keys() {
    for (let t of this.#z()) {
      let i = this.#i[t];
      i !== void 0 && !this.#e(this.#t[t]) && (yield i);
    }
  }
  *rkeys() {
    for (let t of this.#E()) {
      let i = this.#i[t];
      i !== void 0 && !this.#e(this.#t[t]) && (yield i);
    }
  }
  *values() {
    for (let t of this.#z()) this.#t[t] !== void 0 && !this.#e(this.#t[t]) && (yield this.#t[t]);
  }
  *rvalues() {
    for (let t of this.#E()) this.#t[t] !== void 0 && !this.#e(this.#t[t]) && (yield this.#t[t]);
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  [Symbol.toStringTag] = "LRUCache";
  find(t, i = {}) {
    for (let e of this.#z()) {
      let s = this.#t[e], n = this.#e(s) ? s.__staleWhileFetching : s;
      if (n !== void 0 && t(n, this.#i[e], this)) return this.#M(this.#i[e], i);
    }
  }
  forEach(t, i = this) {
    for (let e of this.#z()) {
      let s = this.#t[e], n = this.#e(s) ? s.__staleWhileFetching : s;
      n !== void 0 && t.call(i, n, this.#i[e], this);
    }
  }
  rforEach(t, i = this) {
    for (let e of this.#E()) {
      let s = this.#t[e], n = this.#e(s) ? s.__staleWhileFetching : s;
      n !== void 0 && t.call(i, n, this.#i[e], this);
    }
  }
  purgeStale() {
    let t = false;
    for (let i of this.#E({ allowStale: true, once: false })) this.#p(i) && (this.#v(this.#i[i], "expire"), t = true);
    return t;
  }
  info(t) {
    let i = this.#s.get(t);
    if (i === void 0) return;
    let e = this.#t[i], s = this.#e(e) ? e.__staleWhileFetching : e;
    if (s === void 0) return;
    let n = { value: s };
    if (this.#d && this.#T) {
      let h = this.#d[i], l = this.#T[i];
      if (h && l) {
        let r = h - (this.#b.now() - l);
        n.ttl = r, n.start = Date.now();
      }
    }
    return this.#F && (n.size = this.#F[i]), n;
  }
  dump() {
    let t = [];
    for (let i of this.#z({ allowStale: true })) {
      let e = this.#i[i], s = this.#t[i], n = this.#e(s) ? s.__staleWhileFetching : s;
      if (n === void 0 || e === void 0) continue;
      let h = { value: n };
      if (this.#d && this.#T) {
        h.ttl = this.#d[i];
        let l = this.#b.now() - this.#T[i];
        h.start = Math.floor(Date.now() - l);
      }
      this.#F && (h.size = this.#F[i]), t.unshift([e, h]);
    }
    return t;
  }
  load(t) {
    this.clear();
    for (let [i, e] of t) {
      let s = { ...e };
      if (s.start) {
        let n = Date.now() - s.start;
        s.start = this.#b.now() - n;
      }
      this.#D(i, e.value, s);
    }
  }
  set(t, i, e = {}) {
    let { status: s = m.hasSubscribers ? {} : void 0 } = e;
    s && (s.op = "set", s.key = t, i !== void 0 && (s.value = i), s.cache = this);
    let n = this.#D(t, i, e, void 0, s);
    return s && m.hasSubscribers && m.publish(s), n;
  }
  #D(t, i, e, s, n = e.status) {
    let { ttl: h = this.ttl, start: l, noDisposeOnSet: r = this.noDisposeOnSet, sizeCalculation: o = this.sizeCalculation } = e, f = this.#e(i);
    if (i === void 0) return n && (n.set = "deleted"), this.delete(t), this;
    let { noUpdateTTL: a = this.noUpdateTTL } = e;
    n && !f && (n.value = i);
    let T = this.#H(t, i, e.size || 0, o, n);
    if (this.maxEntrySize && T > this.maxEntrySize) return this.#v(t, "set"), n && (n.set = "miss", n.maxEntrySizeExceeded = true), this;
    let u = this.#n === 0 ? void 0 : this.#s.get(t);
    if (u === void 0) u = this.#n === 0 ? this.#h : this.#_.length !== 0 ? this.#_.pop() : this.#n === this.#o ? this.#P(false) : this.#n, this.#i[u] = t, this.#t[u] = i, this.#s.set(t, u), this.#f[this.#h] = u, this.#u[u] = this.#h, this.#h = u, this.#n++, this.#x(u, T, n), n && (n.set = "add"), a = false, this.#C && !f && this.#R?.(i, t, "add");
    else {
      this.#j(u);
      let p = this.#t[u];
      if (i !== p) {
        if (this.#e(p)) {
          if (p !== s && p.__abortController.abort(new Error("replaced")), !r) {
            let { __staleWhileFetching: w } = p;
            w !== void 0 && w !== i && (this.#A && this.#S?.(w, t, "set"), this.#a && this.#r?.push([w, t, "set"]));
          }
        } else r || (this.#A && this.#S?.(p, t, "set"), this.#a && this.#r?.push([p, t, "set"]));
        if (this.#O(u), this.#x(u, T, n), this.#t[u] = i, !f) {
          let w = p && this.#e(p) ? p.__staleWhileFetching : p, v = w === void 0 ? "add" : i !== w ? "replace" : "update";
          n && (n.set = v, w !== void 0 && (n.oldValue = w)), this.#C && this.onInsert?.(i, t, v);
        }
      } else f || (this.#O(u), this.#x(u, T, n), n && (n.set = "update"), this.#C && this.onInsert?.(i, t, "update"));
    }
    if (h !== 0 && !this.#d && this.#V(), this.#d && (a || this.#B(u, h, l), n && this.#W(n, u)), this.#a && this.#r) {
      let p = this.#r, w;
      for (; w = p?.shift(); ) this.#w?.(...w);
    }
    return this;
  }
  pop() {
    try {
      for (; this.#n; ) {
        let t = this.#t[this.#l];
        if (this.#P(true), this.#e(t)) {
          if (t.__staleWhileFetching !== void 0) return t.__staleWhileFetching;
        } else if (t !== void 0) return t;
      }
    } finally {
      if (this.#a && this.#r) {
        let t = this.#r, i;
        for (; i = t?.shift(); ) this.#w?.(...i);
      }
    }
  }
  #P(t) {
    let i = this.#l;
    this.#m++;
    let e = this.#i[i], s = this.#t[i], n = this.#e(s);
    n && s.__abortController.abort(new Error("evicted"));
    let h = n ? s.__staleWhileFetching : s;
    return (this.#A || this.#a) && h !== void 0 && (this.#A && this.#S?.(h, e, "evict"), this.#a && this.#r?.push([h, e, "evict"])), this.#O(i), this.#g?.[i] && (clearTimeout(this.#g[i]), this.#g[i] = void 0), t && (this.#i[i] = void 0, this.#t[i] = void 0, this.#_.push(i)), this.#n === 1 ? (this.#l = this.#h = 0, this.#_.length = 0) : this.#l = this.#f[i], this.#s.delete(e), this.#n--, i;
  }
  has(t, i = {}) {
    let { status: e = m.hasSubscribers ? {} : void 0 } = i;
    e && (e.op = "has", e.key = t, e.cache = this);
    let s = this.#J(t, i, e);
    return m.hasSubscribers && m.publish(e), s;
  }
  #J(t, i = {}, e = i.status) {
    let { updateAgeOnHas: s = this.updateAgeOnHas } = i, n = this.#s.get(t);
    if (n !== void 0) {
      let h = this.#t[n];
      if (this.#e(h) && h.__staleWhileFetching === void 0) return false;
      if (this.#p(n)) e && (e.has = "stale", this.#W(e, n));
      else return s && this.#L(n), e && (e.has = "hit", this.#W(e, n)), true;
    } else e && (e.has = "miss");
    return false;
  }
  peek(t, i = {}) {
    let { status: e = C() ? {} : void 0 } = i;
    e && (e.op = "peek", e.key = t, e.cache = this);
    let s = this.#K(t, i, e);
    return m.hasSubscribers && m.publish(e), s;
  }
  #K(t, i, e = i.status) {
    let { allowStale: s = this.allowStale } = i, n = this.#s.get(t);
    if (n === void 0 || !s && this.#p(n)) {
      e && (e.peek = n === void 0 ? "miss" : "stale");
      return;
    }
    let h = this.#t[n], l = this.#e(h) ? h.__staleWhileFetching : h;
    return e && (l !== void 0 ? (e.peek = "hit", e.value = l) : e.peek = "miss"), l;
  }
  #k(t, i, e, s) {
    let n = i === void 0 ? void 0 : this.#t[i];
    if (this.#e(n)) return n;
    let h = new AbortController(), { signal: l } = e, r = () => h.abort(l?.reason), o, f = () => {
      l?.removeEventListener("abort", r), o && h.signal.removeEventListener("abort", o);
    };
    l?.aborted ? h.abort(l.reason) : l?.addEventListener("abort", r);
    let a = { signal: h.signal, options: e, context: s }, T = (d, S = false) => {
      f();
      let { aborted: g } = h.signal, y = e.ignoreFetchAbort && d !== void 0, b = e.ignoreFetchAbort || !!(e.allowStaleOnFetchAbort && d !== void 0);
      if (e.status && (g && !S ? (e.status.fetchAborted = true, e.status.fetchError = h.signal.reason, y && (e.status.fetchAbortIgnored = true)) : e.status.fetchResolved = true), g && !y && !S) return p(h.signal.reason, b);
      let A = F, _ = this.#t[i];
      return (_ === F || _ === void 0 && y && S) && (d === void 0 ? A.__staleWhileFetching !== void 0 ? this.#t[i] = A.__staleWhileFetching : this.#v(t, "fetch") : (e.status && (e.status.fetchUpdated = true), this.#D(t, d, a.options, A))), d;
    }, u = (d) => (f(), e.status && (e.status.fetchRejected = true, e.status.fetchError = d), p(d, false)), p = (d, S) => {
      let { aborted: g } = h.signal, y = g && e.allowStaleOnFetchAbort, b = y || e.allowStaleOnFetchRejection, A = b || e.noDeleteOnFetchRejection, _ = F;
      if (this.#t[i] === F && (!A || _.__staleWhileFetching === void 0 && !(S && y) ? this.#v(t, "fetch") : y || (this.#t[i] = _.__staleWhileFetching)), b) return e.status && _.__staleWhileFetching !== void 0 && (e.status.returnedStale = true), _.__staleWhileFetching;
      if (_.__returned === _) throw d;
    }, w = () => {
      if (this.#t[i] !== F) return;
      let d = F;
      (e.noDeleteOnFetchRejection || e.allowStaleOnFetchRejection) && d.__staleWhileFetching !== void 0 ? this.#t[i] = d.__staleWhileFetching : this.#v(t, "fetch");
    }, v = (d, S) => {
      let g = this.#I?.(t, n, a);
      o = () => {
        f(), (!e.ignoreFetchAbort || e.allowStaleOnFetchAbort) && (d(void 0), e.allowStaleOnFetchAbort && (d = (b) => T(b, true), S = w));
      };
      let y = o;
      h.signal.addEventListener("abort", y), h.signal.aborted && y(), g && g instanceof Promise ? g.then((b) => d(b === void 0 ? void 0 : b), (b) => S(b)) : d(g === void 0 ? void 0 : g);
    };
    e.status && (e.status.fetchDispatched = true);
    let F = new Promise(v).then(T, u), z = Object.assign(F, { __abortController: h, __staleWhileFetching: n, __returned: void 0 });
    return i === void 0 ? (this.#D(t, z, { ...a.options, status: void 0 }), i = this.#s.get(t)) : this.#t[i] = z, z;
  }
  #e(t) {
    if (!this.#G) return false;
    let i = t;
    return !!i && i instanceof Promise && Object.hasOwn(i, "__staleWhileFetching") && i.__abortController instanceof AbortController;
  }
  fetch(t, i = {}) {
    let e = O.hasSubscribers, { status: s = C() ? {} : void 0 } = i;
    s && i.context && (s.context = i.context);
    let n = this.#$(t, i, s);
    return s && e && (s.trace = true, O.tracePromise(() => n, s).catch(() => {
    })), n;
  }
  async #$(t, i = {}, e = i.status) {
    let { allowStale: s = this.allowStale, updateAgeOnGet: n = this.updateAgeOnGet, noDeleteOnStaleGet: h = this.noDeleteOnStaleGet, ttl: l = this.ttl, noDisposeOnSet: r = this.noDisposeOnSet, size: o = 0, sizeCalculation: f = this.sizeCalculation, noUpdateTTL: a = this.noUpdateTTL, noDeleteOnFetchRejection: T = this.noDeleteOnFetchRejection, allowStaleOnFetchRejection: u = this.allowStaleOnFetchRejection, ignoreFetchAbort: p = this.ignoreFetchAbort, allowStaleOnFetchAbort: w = this.allowStaleOnFetchAbort, context: v, forceRefresh: F = false, signal: z } = i;
    if (e && (e.op = "fetch", e.key = t, F && (e.forceRefresh = true), e.cache = this), !this.#G) return e && (e.fetch = "get"), this.#M(t, { allowStale: s, updateAgeOnGet: n, noDeleteOnStaleGet: h, status: e });
    let d = { allowStale: s, updateAgeOnGet: n, noDeleteOnStaleGet: h, ttl: l, noDisposeOnSet: r, size: o, sizeCalculation: f, noUpdateTTL: a, noDeleteOnFetchRejection: T, allowStaleOnFetchRejection: u, allowStaleOnFetchAbort: w, ignoreFetchAbort: p, status: e, signal: z }, S = this.#s.get(t);
    if (S === void 0) {
      e && (e.fetch = "miss");
      let g = this.#k(t, S, d, v);
      return g.__returned = g;
    } else {
      let g = this.#t[S];
      if (this.#e(g)) {
        let W = s && g.__staleWhileFetching !== void 0;
        return e && (e.fetch = "inflight", W && (e.returnedStale = true)), W ? g.__staleWhileFetching : g.__returned = g;
      }
      let y = this.#p(S);
      if (!F && !y) return e && (e.fetch = "hit"), this.#j(S), n && this.#L(S), e && this.#W(e, S), g;
      let b = this.#k(t, S, d, v), _ = b.__staleWhileFetching !== void 0 && s;
      return e && (e.fetch = y ? "stale" : "refresh", _ && y && (e.returnedStale = true)), _ ? b.__staleWhileFetching : b.__returned = b;
    }
  }
  forceFetch(t, i = {}) {
    let e = O.hasSubscribers, { status: s = C() ? {} : void 0 } = i;
    s && i.context && (s.context = i.context);
    let n = this.#Q(t, i, s);
    return s && e && (s.trace = true, O.tracePromise(() => n, s).catch(() => {
    })), n;
  }
  async #Q(t, i = {}, e = i.status) {
    let s = await this.#$(t, i, e);
    if (s === void 0) throw new Error("fetch() returned undefined");
    return s;
  }
  memo(t, i = {}) {
    let { status: e = m.hasSubscribers ? {} : void 0 } = i;
    e && (e.op = "memo", e.key = t, i.context && (e.context = i.context), e.cache = this);
    let s = this.#Z(t, i, e);
    return e && (e.value = s), m.hasSubscribers && m.publish(e), s;
  }
  #Z(t, i = {}, e = i.status) {
    let s = this.#U;
    if (!s) throw new Error("no memoMethod provided to constructor");
    let { context: n, status: h = e, forceRefresh: l, ...r } = i;
    h && l && (h.forceRefresh = true);
    let o = this.#M(t, r), f = l || o === void 0;
    if (h && (h.memo = f ? "miss" : "hit", f || (h.value = o)), !f) return o;
    let a = s(t, o, { options: r, context: n });
    return h && (h.value = a), this.#D(t, a, r), a;
  }
  get(t, i = {}) {
    let { status: e = m.hasSubscribers ? {} : void 0 } = i;
    e && (e.op = "get", e.key = t, e.cache = this);
    let s = this.#M(t, i, e);
    return e && (s !== void 0 && (e.value = s), m.hasSubscribers && m.publish(e)), s;
  }
  #M(t, i = {}, e = i.status) {
    let { allowStale: s = this.allowStale, updateAgeOnGet: n = this.updateAgeOnGet, noDeleteOnStaleGet: h = this.noDeleteOnStaleGet } = i, l = this.#s.get(t);
    if (l === void 0) {
      e && (e.get = "miss");
      return;
    }
    let r = this.#t[l], o = this.#e(r);
    return e && this.#W(e, l), this.#p(l) ? o ? (e && (e.get = "stale-fetching"), s && r.__staleWhileFetching !== void 0 ? (e && (e.returnedStale = true), r.__staleWhileFetching) : void 0) : (h || this.#v(t, "expire"), e && (e.get = "stale"), s ? (e && (e.returnedStale = true), r) : void 0) : (e && (e.get = o ? "fetching" : "hit"), this.#j(l), n && this.#L(l), o ? r.__staleWhileFetching : r);
  }
  #q(t, i) {
    this.#u[i] = t, this.#f[t] = i;
  }
  #j(t) {
    t !== this.#h && (this.#m++, t === this.#l ? this.#l = this.#f[t] : this.#q(this.#u[t], this.#f[t]), this.#q(this.#h, t), this.#h = t);
  }
  delete(t) {
    return this.#v(t, "delete");
  }
  #v(t, i) {
    m.hasSubscribers && m.publish({ op: "delete", delete: i, key: t, cache: this });
    let e = false;
    if (this.#n !== 0) {
      let s = this.#s.get(t);
      if (s !== void 0) if (this.#g?.[s] && (clearTimeout(this.#g[s]), this.#g[s] = void 0), e = true, this.#m++, this.#n === 1) this.#X(i);
      else {
        this.#O(s);
        let n = this.#t[s], h = this.#e(n);
        h && n.__abortController.abort(new Error("deleted"));
        let l = h ? n.__staleWhileFetching : n;
        if (l !== void 0 && (this.#A || this.#a) && (this.#A && this.#S?.(l, t, i), this.#a && this.#r?.push([l, t, i])), this.#s.delete(t), this.#i[s] = void 0, this.#t[s] = void 0, s === this.#h) this.#h = this.#u[s];
        else if (s === this.#l) this.#l = this.#f[s];
        else {
          let r = this.#u[s];
          this.#f[r] = this.#f[s];
          let o = this.#f[s];
          this.#u[o] = this.#u[s];
        }
        this.#n--, this.#_.push(s);
      }
    }
    if (this.#a && this.#r?.length) {
      let s = this.#r, n;
      for (; n = s?.shift(); ) this.#w?.(...n);
    }
    return e;
  }
  clear() {
    return this.#X("delete");
  }
  #X(t) {
    this.#m++;
    for (let i of this.#E({ allowStale: true })) {
      let e = this.#t[i], s = this.#e(e);
      s && e.__abortController.abort(new Error("deleted"));
      let n = s ? e.__staleWhileFetching : e;
      if (n !== void 0) {
        let h = this.#i[i];
        this.#A && this.#S?.(n, h, t), this.#a && this.#r?.push([n, h, t]);
      }
    }
    if (this.#s.clear(), this.#t.fill(void 0), this.#i.fill(void 0), this.#d && this.#T) {
      this.#d.fill(0), this.#T.fill(0);
      for (let i of this.#g ?? []) i !== void 0 && clearTimeout(i);
      this.#g?.fill(void 0);
    }
    if (this.#F && this.#F.fill(0), this.#l = 0, this.#h = 0, this.#_.length = 0, this.#y = 0, this.#n = 0, this.#a && this.#r) {
      let i = this.#r, e;
      for (; e = i?.shift(); ) this.#w?.(...e);
    }
  }
};

// ../../apps/gateway/dist/src/backend.js
function ipfsPath(root, segments) {
  return ["/ipfs", root.toString(), ...segments].join("/");
}
function createApiBackend(api, init = {}) {
  async function resolveByStat(root, segments, options = {}) {
    const roots = [];
    let last;
    for (let i = 0; i <= segments.length; i++) {
      const stat = await api.stat(ipfsPath(root, segments.slice(0, i)), options);
      roots.push(stat.cid);
      last = { cid: stat.cid, roots, type: stat.type, size: stat.size };
    }
    return last;
  }
  const resolvePath2 = init.resolvePath ?? resolveByStat;
  return {
    resolvePath: resolvePath2,
    ...init.isLocal != null ? { isLocal: init.isLocal } : {},
    cat: (cid, options) => api.cat(cid, options),
    ls: (cid, options) => api.ls(cid, options),
    get: (cid, options) => api.get(cid, options),
    getBlock: async (cid, options) => api.block.get(cid, options),
    async *getCar(root, segments, options = {}) {
      if (segments.length === 0) {
        yield* api.dag.export(root, options);
        return;
      }
      const resolved = await resolvePath2(root, segments, options);
      const walked = init.pathBlocks != null ? await init.pathBlocks(root, segments, options) : resolved.roots.slice(0, -1);
      let first = true;
      for (const cid of walked) {
        const bytes = await api.block.get(cid, options);
        if (first) {
          yield carHeader([root]);
          first = false;
        }
        yield carSection(cid, bytes);
      }
      yield* carSections(api.dag.export(resolved.cid, options));
    }
  };
}

// ../../apps/gateway/dist/src/constants.js
var DEFAULT_SUBDOMAIN_HOSTS = ["localhost"];
var DEFAULT_GATEWAY_PORT = 8080;
var DEFAULT_API_PORT = 5001;
var DEFAULT_HOST = "127.0.0.1";
var DEFAULT_TIMEOUT_MS = 6e4;
var DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
var DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024 * 1024;
var DEFAULT_MAX_BLOCK_BYTES = 2 * 1024 * 1024;
var DEFAULT_MAX_MULTIPART_PARTS = 1e5;
var DEFAULT_MAX_URL_BYTES = 8 * 1024;
var DEFAULT_MAX_LISTING_ENTRIES = 1e4;
var IMMUTABLE_CACHE_CONTROL = "public, max-age=29030400, immutable";
var SNIFF_BYTES = 512;
var DEFAULT_BLOCK_CACHE_BYTES = 32 * 1024 * 1024;
var DEFAULT_PATH_CACHE_ENTRIES = 1e4;

// ../../apps/gateway/dist/src/node-backend.js
var MAX_CACHED_BLOCK_BYTES = 1024 * 1024;
var IDENTITY_CODE = 0;
function sizeOf(node) {
  if (node.type === "directory")
    return 0;
  if (node.unixfs != null)
    return Number(node.unixfs.fileSize());
  return node.bytes.length;
}
function oneBlockContent(node) {
  if (node.cid.code === RAW_CODE)
    return node.bytes;
  if ((node.type === "file" || node.type === "raw") && node.unixfs != null && (node.pb?.Links.length ?? 0) === 0) {
    return node.unixfs.data ?? new Uint8Array(0);
  }
  return void 0;
}
var CONTENT_OF = /* @__PURE__ */ new WeakMap();
function cachingGetter(blocks, maxBytes) {
  if (maxBytes <= 0)
    return blocks;
  const cache = new j({
    maxSize: maxBytes,
    maxEntrySize: Math.min(MAX_CACHED_BLOCK_BYTES, maxBytes),
    sizeCalculation: (bytes) => Math.max(1, bytes.byteLength)
  });
  return {
    async getBlock(cid, options) {
      if (cid.multihash.code === IDENTITY_CODE)
        return cid.multihash.digest;
      const key = cid.toString();
      const hit = cache.get(key);
      if (hit != null)
        return hit;
      const bytes = await blocks.getBlock(cid, options);
      if (bytes.byteLength <= MAX_CACHED_BLOCK_BYTES && canVerify(cid)) {
        verifyBlockSync(cid, bytes);
        cache.set(key, bytes);
      }
      return bytes;
    }
  };
}
function createNodeBackend(node, init = {}) {
  if (node.blocks == null)
    return createApiBackend(node);
  const blocks = cachingGetter(node.blocks, init.blockCacheBytes ?? DEFAULT_BLOCK_CACHE_BYTES);
  const pathEntries = init.pathCacheEntries ?? DEFAULT_PATH_CACHE_ENTRIES;
  const paths = pathEntries > 0 ? new j({ max: pathEntries }) : void 0;
  async function resolve(root, segments, options) {
    const key = segments.length === 0 ? root.toString() : `${root.toString()}/${segments.join("/")}`;
    const known = paths?.get(key);
    if (known != null)
      return known;
    const { cid, roots } = await resolvePath({ root, segments }, blocks, options);
    let resolved;
    try {
      const terminal = await loadNode(cid, blocks, options);
      resolved = { cid, roots, type: terminal.type, size: sizeOf(terminal), terminal, oneBlock: oneBlockContent(terminal) != null };
    } catch (err) {
      if (err?.name !== "UnsupportedCodecError")
        throw err;
      resolved = { cid, roots, type: "object", size: (await blocks.getBlock(cid, options)).length, oneBlock: false };
    }
    paths?.set(key, { cid, roots, type: resolved.type, size: resolved.size, oneBlock: resolved.oneBlock });
    return resolved;
  }
  return createApiBackend(node, {
    // read from the node at each call: a node's store is reopened when the node restarts
    ..."blockstore" in node ? { isLocal: async (cid, options) => node.blockstore?.hasBlock(cid, options) ?? false } : {},
    pathBlocks: async (root, segments, options) => (await resolvePath({ root, segments }, blocks, options)).pathBlocks,
    async resolvePath(root, segments, options) {
      const { terminal, oneBlock, ...resolved } = await resolve(root, segments, options);
      if (!oneBlock)
        return resolved;
      let content;
      if (terminal != null) {
        content = oneBlockContent(terminal);
      } else {
        const bytes = await blocks.getBlock(resolved.cid, options);
        content = CONTENT_OF.get(bytes);
        if (content === void 0) {
          content = oneBlockContent(interpret(resolved.cid, bytes)) ?? null;
          CONTENT_OF.set(bytes, content);
        }
      }
      return content != null ? { ...resolved, content } : resolved;
    }
  });
}

// ../../apps/gateway/dist/src/errors.js
var StatusError = class extends CairnError {
  static name = "StatusError";
  static code = "ERR_HTTP_STATUS";
  status;
  constructor(status = 500, message = "HTTP error", options) {
    super(message, options);
    this.status = status;
  }
};
var RetryAfterError = class extends StatusError {
  static name = "RetryAfterError";
  static code = "ERR_RETRY_AFTER";
  retryAfterSeconds;
  constructor(retryAfterSeconds = 60, status = 503, message = "Service unavailable, retry later", options) {
    super(status, message, options);
    this.retryAfterSeconds = retryAfterSeconds;
  }
};
var NotAcceptableError = class extends CairnError {
  static name = "NotAcceptableError";
  static code = "ERR_NOT_ACCEPTABLE";
  constructor(message = "Not acceptable", options) {
    super(message, options);
  }
};
var RangeNotSatisfiableError = class extends CairnError {
  static name = "RangeNotSatisfiableError";
  static code = "ERR_RANGE_NOT_SATISFIABLE";
  size;
  constructor(size = 0, message = "Range not satisfiable", options) {
    super(message, options);
    this.size = size;
  }
};
var PreconditionFailedError = class extends CairnError {
  static name = "PreconditionFailedError";
  static code = "ERR_PRECONDITION_FAILED";
  constructor(message = "Precondition failed", options) {
    super(message, options);
  }
};
var MethodNotAllowedError = class extends CairnError {
  static name = "MethodNotAllowedError";
  static code = "ERR_METHOD_NOT_ALLOWED";
  allow;
  constructor(allow = "GET, HEAD", message = "Method not allowed", options) {
    super(message, options);
    this.allow = allow;
  }
};
var PayloadTooLargeError = class extends CairnError {
  static name = "PayloadTooLargeError";
  static code = "ERR_PAYLOAD_TOO_LARGE";
  constructor(message = "Request body too large", options) {
    super(message, options);
  }
};
var ForbiddenError = class extends CairnError {
  static name = "ForbiddenError";
  static code = "ERR_FORBIDDEN";
  constructor(message = "Forbidden", options) {
    super(message, options);
  }
};
var UnknownCommandError = class extends CairnError {
  static name = "UnknownCommandError";
  static code = "ERR_UNKNOWN_COMMAND";
  constructor(message = "Unknown command", options) {
    super(message, options);
  }
};
var UnsupportedCommandError = class extends CairnError {
  static name = "UnsupportedCommandError";
  static code = "ERR_UNSUPPORTED_COMMAND";
  constructor(message = "Command not supported by Cairn", options) {
    super(message, options);
  }
};
var MalformedRequestError = class extends CairnError {
  static name = "MalformedRequestError";
  static code = "ERR_MALFORMED_REQUEST";
  constructor(message = "Malformed request", options) {
    super(message, options);
  }
};
var gatewayErrorClasses = [
  StatusError,
  RetryAfterError,
  NotAcceptableError,
  RangeNotSatisfiableError,
  PreconditionFailedError,
  MethodNotAllowedError,
  PayloadTooLargeError,
  ForbiddenError,
  UnknownCommandError,
  UnsupportedCommandError,
  MalformedRequestError
];

// ../../apps/gateway/dist/src/negotiate.js
var FORMAT_PARAM = {
  raw: "raw",
  car: "car",
  tar: "tar",
  "dag-json": "dag-json",
  "dag-cbor": "dag-cbor",
  json: "json",
  cbor: "cbor"
};
var MEDIA_TYPE = {
  "application/vnd.ipld.raw": "raw",
  "application/vnd.ipld.car": "car",
  "application/x-tar": "tar",
  "application/vnd.ipld.dag-json": "dag-json",
  "application/vnd.ipld.dag-cbor": "dag-cbor",
  "application/json": "json",
  "application/cbor": "cbor"
};
var CONTENT_TYPE_OF = {
  raw: "application/vnd.ipld.raw",
  car: "application/vnd.ipld.car",
  tar: "application/x-tar",
  "dag-json": "application/vnd.ipld.dag-json",
  "dag-cbor": "application/vnd.ipld.dag-cbor",
  json: "application/json",
  cbor: "application/cbor"
};
function parseAccept(header) {
  return header.split(",").map((part) => {
    const [type, ...rest] = part.split(";").map((s) => s.trim());
    const params = {};
    for (const p of rest) {
      const eq = p.indexOf("=");
      if (eq > 0)
        params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim().replace(/^"|"$/g, "").toLowerCase();
    }
    const q = params.q != null ? Number(params.q) : 1;
    return { type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0 };
  }).filter((r) => r.type !== "" && r.q > 0).sort((a, b) => b.q - a.q);
}
function parseScope(value) {
  if (value == null || value === "")
    return "all";
  if (value === "all" || value === "entity" || value === "block")
    return value;
  throw new InvalidParametersError(`invalid dag-scope "${value}": expected all, entity or block`);
}
function parseEntityBytes(value) {
  if (value == null || value === "")
    return void 0;
  const match = /^(-?\d+):(\*|-?\d+)$/.exec(value);
  if (match == null)
    throw new InvalidParametersError(`invalid entity-bytes "${value}": expected from:to`);
  const from = Number(match[1]);
  const to = match[2] === "*" ? "*" : Number(match[2]);
  if (!Number.isSafeInteger(from) || to !== "*" && !Number.isSafeInteger(to))
    throw new InvalidParametersError("entity-bytes out of range");
  if (to !== "*" && from >= 0 && to >= 0 && to < from)
    throw new InvalidParametersError(`invalid entity-bytes "${value}": to is before from`);
  return { from, to };
}
function carOption(query, params, name, allowed) {
  const fromQuery = query.get(`car-${name}`);
  if (fromQuery != null && fromQuery !== "") {
    if (!allowed.includes(fromQuery))
      throw new InvalidParametersError(`invalid car-${name} "${fromQuery.slice(0, 20)}": expected ${allowed.join(" or ")}`);
    return fromQuery;
  }
  return params[name];
}
function negotiate(query, accept) {
  let format = "deserialized";
  let carParams = {};
  let fromAccept;
  const formatParam = query.get("format");
  if (formatParam != null && formatParam !== "") {
    const f = FORMAT_PARAM[formatParam.toLowerCase()];
    if (f == null)
      throw new InvalidParametersError(`unsupported format "${formatParam}"`);
    format = f;
    if (f === "car" && accept != null)
      carParams = parseAccept(accept).find((r) => r.type === "application/vnd.ipld.car")?.params ?? {};
  } else if (accept != null && accept !== "") {
    let refused;
    for (const range of parseAccept(accept)) {
      const f = MEDIA_TYPE[range.type];
      if (f == null) {
        if (range.type === "*/*" || range.type.startsWith("text/") || range.type.startsWith("image/") || range.type.startsWith("application/xhtml") || range.type === "application/*")
          break;
        continue;
      }
      if (f === "car" && ((range.params.version ?? "1") !== "1" || !["dfs", "unk"].includes(range.params.order ?? "dfs") || !["y", "n"].includes(range.params.dups ?? "n"))) {
        refused = `${range.type}; version=${range.params.version ?? "1"}`;
        continue;
      }
      format = f;
      carParams = range.params;
      fromAccept = Object.fromEntries(Object.entries(range.params).filter(([k2]) => k2 !== "q"));
      break;
    }
    if (format === "deserialized" && refused != null && !/\*\/\*|text\//.test(accept)) {
      throw new NotAcceptableError(`cannot produce ${refused}: only CARv1 with order=dfs or unk and dups=y or n`);
    }
  }
  if (format !== "car")
    return fromAccept != null ? { format, fromAccept } : { format };
  carOption(query, carParams, "version", ["1"]);
  const order = carOption(query, carParams, "order", ["dfs", "unk"]);
  const legacyDups = query.get("dups");
  const dups = carOption(query, legacyDups != null && legacyDups !== "" ? { ...carParams, dups: legacyDups } : carParams, "dups", ["y", "n"]);
  return {
    format,
    car: {
      order: order === "unk" ? "unk" : "dfs",
      dagScope: parseScope(query.get("dag-scope")),
      entityBytes: parseEntityBytes(query.get("entity-bytes")),
      dups: dups === "y"
    },
    ...fromAccept != null ? { fromAccept } : {}
  };
}
var FORMAT_OF_MEDIA = { raw: "raw", car: "car", tar: "tar", "dag-json": "dag-json", "dag-cbor": "dag-cbor", json: "json", cbor: "cbor" };
function contentLocation(urlPath, query, negotiated) {
  if (negotiated.fromAccept == null)
    return void 0;
  const format = FORMAT_OF_MEDIA[negotiated.format];
  if (format == null)
    return void 0;
  const params = new URLSearchParams(query);
  params.set("format", format);
  for (const [k2, v] of Object.entries(negotiated.fromAccept)) {
    if (!params.has(`${format}-${k2}`))
      params.set(`${format}-${k2}`, v);
  }
  params.sort();
  return `${urlPath}?${params.toString()}`;
}

// ../../apps/gateway/dist/src/cid.js
var anyBase = Object.values(bases).map((b) => b.decoder).reduce((a, b) => a.or(b));
var parsed = new j({ max: 4096 });
var IDENTITY_CODE2 = 0;
var MAX_IDENTITY_DIGEST_BYTES = 128;
function parseCid(text) {
  const known = parsed.get(text);
  if (known != null)
    return known;
  try {
    const cid = text.startsWith("Qm") && text.length === 46 ? CID.parse(text) : CID.parse(text, anyBase);
    if (cid.multihash.code === IDENTITY_CODE2 && cid.multihash.digest.length > MAX_IDENTITY_DIGEST_BYTES) {
      throw new InvalidCidError(`identity CID digest is ${cid.multihash.digest.length} bytes, over the limit of ${MAX_IDENTITY_DIGEST_BYTES} (IPIP-0512)`);
    }
    parsed.set(text, cid);
    return cid;
  } catch (err) {
    if (err.name === "InvalidCidError")
      throw err;
    throw new InvalidCidError(`invalid CID "${text.slice(0, 100)}"`, { cause: err });
  }
}

// ../../apps/gateway/dist/src/subdomain.js
var MAX_DNS_LABEL_LENGTH = 63;
function hostname(host) {
  return host.replace(/:\d+$/, "").toLowerCase();
}
var SubdomainHosts = class {
  #parents;
  constructor(parents) {
    this.#parents = new Set(parents.map((p) => p.toLowerCase()));
  }
  /** `{cid}.ipfs.localhost[:port]` → its parts */
  parse(host) {
    const match = /^([^.]+)\.(ipfs|ipns)\.(.+)$/i.exec(host ?? "");
    if (match == null || !this.#parents.has(hostname(match[3])))
      return void 0;
    return { id: match[1], namespace: match[2].toLowerCase(), parent: match[3].toLowerCase() };
  }
  /** Hosts whose `/ipfs/{cid}` paths are moved to a subdomain for origin isolation */
  isParent(host) {
    return host != null && this.#parents.has(hostname(host));
  }
};
function toDnsLabel(cid) {
  const label = (cid.version === 0 ? cid.toV1() : cid).toString(base32);
  if (label.length > MAX_DNS_LABEL_LENGTH) {
    throw new StatusError(400, `CID incompatible with DNS label length limit of ${MAX_DNS_LABEL_LENGTH}: ${label}`);
  }
  return label;
}
function subdomainUrl(cid, parent, rest, search, scheme = "http") {
  return `${scheme}://${toDnsLabel(cid)}.ipfs.${parent}${rest === "" ? "/" : rest}${search}`;
}

// ../../apps/gateway/dist/src/request.js
function splitSegments(rest) {
  const parts = rest.split("/");
  const trailingSlash = rest.length > 0 && rest.endsWith("/");
  const segments = [];
  for (const part of parts) {
    if (part === "")
      continue;
    let decoded;
    try {
      decoded = decodeURIComponent(part);
    } catch (err) {
      throw new InvalidPathError(`invalid percent-encoding in path segment "${part.slice(0, 100)}"`, { cause: err });
    }
    if (decoded === "." || decoded === ".." || decoded.includes("/") || decoded.includes("\0")) {
      throw new InvalidPathError(`invalid path segment "${decoded.slice(0, 100)}"`);
    }
    segments.push(decoded);
  }
  return { segments, trailingSlash };
}
function keptInPath(c3, segment) {
  if (c3 >= 48 && c3 <= 57 || c3 >= 65 && c3 <= 90 || c3 >= 97 && c3 <= 122)
    return true;
  const ch = String.fromCharCode(c3);
  if ("-_.~".includes(ch))
    return true;
  return (segment ? "$&+:=@" : "$&+,/:;=@").includes(ch);
}
function goEscape(text, segment) {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    out += keptInPath(byte, segment) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
function escapePath(path) {
  return goEscape(path, false);
}
function escapeSegment(value) {
  return goEscape(value, true);
}
function decodePath(path) {
  return path.split("/").map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  }).join("/");
}
function sortedQuery(query) {
  const sorted = new URLSearchParams(query);
  sorted.sort();
  return sorted.toString();
}
function firstHeader(value) {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.split(",")[0].trim() || void 0;
}
function parseRequest(req, subdomains, cache) {
  if (cache == null)
    return parse(req, subdomains);
  const key = `${req.headers.host ?? ""} ${req.headers["x-forwarded-host"]?.toString() ?? ""} ${req.headers["x-forwarded-proto"]?.toString() ?? ""} ${req.url ?? ""}`;
  let parsed2 = cache.get(key);
  if (parsed2 == null) {
    parsed2 = parse(req, subdomains);
    cache.set(key, parsed2);
  }
  return parsed2;
}
function parse(req, subdomains) {
  const target = req.url ?? "/";
  const url = new URL(target, "http://gateway.invalid");
  const rawPath = target.replace(/^[a-z]+:\/\/[^/]*/i, "").split("?")[0].split("#")[0];
  if (rawPath.split("/").some((s) => /^(\.|%2e){1,2}$/i.test(s)))
    throw new InvalidPathError('"." and ".." are not allowed in content paths');
  const host = firstHeader(req.headers["x-forwarded-host"]) ?? req.headers.host;
  const scheme = firstHeader(req.headers["x-forwarded-proto"]) === "https" ? "https" : "http";
  const sub = subdomains.parse(host);
  let cidText;
  let rest;
  if (sub == null && (url.pathname === "/ipfs/" || url.pathname === "/ipns/") && url.searchParams.has("uri")) {
    const m2 = /^(ipfs|ipns):\/\/([^/?#]+)(.*)$/.exec(url.searchParams.get("uri") ?? "");
    if (m2 == null)
      throw new InvalidPathError("uri must be ipfs://<cid>[/path] or ipns://<name>[/path]");
    return { redirect: `/${m2[1]}/${m2[2]}${m2[3]}` };
  }
  if (sub == null && /^\/ipfs\/ip[fn]s\//.test(url.pathname)) {
    const query = url.searchParams.size > 0 ? `?${sortedQuery(url.searchParams)}` : "";
    return { redirect: `${url.pathname.slice("/ipfs".length)}${query}` };
  }
  if (sub != null) {
    if (sub.namespace === "ipns")
      throw new StatusError(501, "IPNS names are not supported by this gateway");
    cidText = sub.id;
    rest = url.pathname;
  } else {
    if (url.pathname === "/" || url.pathname === "")
      return { landing: true };
    if (url.pathname.startsWith("/ipns/"))
      throw new StatusError(501, "IPNS names are not supported by this gateway");
    const match = /^\/ipfs\/([^/]*)(\/.*)?$/.exec(url.pathname);
    if (match == null)
      throw new NotFoundError(`no such resource: ${url.pathname.slice(0, 200)}`);
    cidText = match[1];
    rest = match[2] ?? "";
    if (cidText === "")
      throw new InvalidPathError("missing CID in path");
  }
  let root;
  try {
    root = parseCid(cidText);
  } catch (err) {
    throw new InvalidPathError(`invalid path "/ipfs/${cidText.slice(0, 100)}": ${err.message}`, { cause: err });
  }
  if (sub == null && subdomains.isParent(host)) {
    return { redirect: subdomainUrl(root, host.toLowerCase(), rest, url.search, scheme) };
  }
  if (sub != null && cidText !== toDnsLabel(root)) {
    return { redirect: subdomainUrl(root, sub.parent, rest, url.search, scheme) };
  }
  const { segments, trailingSlash } = splitSegments(rest);
  return {
    root,
    segments,
    trailingSlash,
    contentPath: `/ipfs/${cidText}${rest}`,
    // escapes as sent (a client's lower-case `%c4%85`) are written again as Go does: `%C4%85`
    urlPath: rawPath.includes("%") ? escapePath(decodePath(url.pathname)) : url.pathname,
    search: url.search,
    query: url.searchParams,
    subdomain: sub != null,
    parent: sub?.parent
  };
}

// ../../apps/gateway/dist/src/respond.js
import { STATUS_CODES } from "node:http";

// ../../apps/gateway/dist/src/status.js
var CLIENT = { gateway: 400, rpc: 400 };
var table = {
  InvalidCidError: CLIENT,
  InvalidPathError: CLIENT,
  InvalidParametersError: CLIENT,
  InvalidCarError: CLIENT,
  MalformedRequestError: CLIENT,
  HashMismatchError: CLIENT,
  BlockTooLargeError: { gateway: 400, rpc: 413 },
  PayloadTooLargeError: { gateway: 413, rpc: 413 },
  NotFoundError: { gateway: 404, rpc: 500 },
  NotADirectoryError: { gateway: 404, rpc: 500 },
  NotAFileError: { gateway: 400, rpc: 500 },
  NotPinnedError: { gateway: 500, rpc: 500 },
  PinnedError: { gateway: 500, rpc: 500 },
  UnsupportedCodecError: { gateway: 501, rpc: 500 },
  UnsupportedHashError: { gateway: 501, rpc: 500 },
  NotALinkError: { gateway: 501, rpc: 500 },
  MalformedBlockError: { gateway: 502, rpc: 500 },
  // content we could not get from the network in time
  TimeoutError: { gateway: 504, rpc: 500 },
  // an offline node serves only what its repo holds: what it lacks is simply not here
  OfflineError: { gateway: 404, rpc: 500 },
  NotAcceptableError: { gateway: 406, rpc: 400 },
  RangeNotSatisfiableError: { gateway: 416, rpc: 400 },
  PreconditionFailedError: { gateway: 412, rpc: 400 },
  MethodNotAllowedError: { gateway: 405, rpc: 405 },
  ForbiddenError: { gateway: 403, rpc: 403 },
  UnknownCommandError: { gateway: 404, rpc: 404 },
  UnsupportedCommandError: { gateway: 501, rpc: 501 }
};
function nameOf(err) {
  return err != null && typeof err === "object" && typeof err.name === "string" ? err.name : "";
}
function overridden(err) {
  const status = err?.status;
  return (nameOf(err) === "StatusError" || nameOf(err) === "RetryAfterError") && typeof status === "number" ? status : void 0;
}
function toHttpStatus(err) {
  return overridden(err) ?? table[nameOf(err)]?.gateway ?? 500;
}
function toRpcStatus(err) {
  return overridden(err) ?? table[nameOf(err)]?.rpc ?? 500;
}

// ../../apps/gateway/dist/src/respond.js
function messageOf(err) {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s+/g, " ").slice(0, 500);
}
function sendError(res, err, surface) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status = surface === "gateway" ? toHttpStatus(err) : toRpcStatus(err);
  const code = err?.code;
  if (typeof code === "string" && /^ERR_[A-Z_]+$/.test(code))
    res.setHeader("X-Cairn-Error-Code", code);
  const retryAfter = err?.retryAfterSeconds;
  if (typeof retryAfter === "number")
    res.setHeader("Retry-After", String(retryAfter));
  let body;
  if (surface === "rpc" && status !== 405 && status !== 403) {
    body = JSON.stringify({ Message: messageOf(err), Code: status >= 400 && status < 500 ? 1 : 0, Type: "error" }) + "\n";
    res.setHeader("Content-Type", "application/json; charset=utf-8");
  } else {
    body = `${status} ${STATUS_CODES[status] ?? "Error"}: ${messageOf(err)}
`;
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
  }
  for (const h of ["Content-Length", "Content-Range", "ETag", "Cache-Control", "Content-Disposition"]) {
    if (h !== "Content-Range" || status !== 416)
      res.removeHeader(h);
  }
  res.setHeader("Content-Length", String(Buffer.byteLength(body)));
  res.writeHead(status);
  res.end(body);
}
function drained(res) {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
async function sendStream(res, status, headers, source, progress, first) {
  const drainedWhileWaiting = async () => {
    progress.waiting?.(true);
    try {
      await drained(res);
    } finally {
      progress.waiting?.(false);
    }
  };
  const iterator = source[Symbol.asyncIterator]();
  if (first == null) {
    const next = await iterator.next();
    if (next.done !== true)
      first = next.value;
  }
  res.writeHead(status, headers);
  if (first != null && first.length > 0) {
    progress();
    if (!res.write(first))
      await drainedWhileWaiting();
  }
  while (!res.destroyed) {
    const next = await iterator.next();
    if (next.done === true)
      break;
    progress();
    if (!res.write(next.value))
      await drainedWhileWaiting();
  }
  if (res.destroyed) {
    await iterator.return?.();
    return;
  }
  await new Promise((resolve) => res.end(resolve));
}

// ../../apps/gateway/dist/src/range.js
function parseRange(header, size) {
  if (header == null || size === 0)
    return void 0;
  const unit = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (unit == null)
    return void 0;
  const match = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(unit[1].split(",")[0]);
  if (match == null)
    return void 0;
  const [, first, last] = match;
  if (first === "" && last === "")
    return void 0;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0)
      return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Number(last);
  if (last !== "" && end < start)
    return void 0;
  if (start >= size)
    return "unsatisfiable";
  return { start, end: Math.min(end, size - 1) };
}

// ../../apps/gateway/dist/src/handlers/context.js
var BaseHeaders = class {
  #res;
  #fixed;
  #fixedFlat;
  #extra = [];
  #applied = false;
  constructor(res, fixed, fixedFlat) {
    this.#res = res;
    this.#fixed = fixed;
    this.#fixedFlat = fixedFlat;
  }
  set(name, value) {
    if (this.#applied)
      this.#res.setHeader(name, value);
    else
      this.#extra.push([name, value]);
  }
  /** Puts the headers on the response, once */
  apply() {
    if (this.#applied)
      return;
    this.#applied = true;
    for (const [name, values] of this.#fixed)
      this.#res.setHeader(name, values);
    for (const [name, value] of this.#extra)
      this.#res.setHeader(name, value);
  }
  /** Name/value pairs for one `writeHead(status, pairs)`, `own` after these; undefined once applied */
  flat(own) {
    if (this.#applied)
      return void 0;
    this.#applied = true;
    const out = this.#fixedFlat.slice();
    for (const [name, value] of this.#extra)
      out.push(name, value);
    for (const name in own)
      out.push(name, own[name]);
    return out;
  }
};
function etagMatches(header, etag) {
  if (header == null)
    return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").map((s) => s.trim()).some((t) => t === "*" || t.replace(/^W\//, "") === bare);
}
function notModified(res, etag, cacheControl = IMMUTABLE_CACHE_CONTROL) {
  res.writeHead(304, { Etag: etag, "Cache-Control": cacheControl });
  res.end();
}
function sendHead(res, status, headers) {
  res.writeHead(status, headers);
  res.end();
}
function sendBytes(ctx, bytes, headers) {
  const range = parseRange(ctx.req.headers.range, bytes.length);
  if (range === "unsatisfiable")
    throw new RangeNotSatisfiableError(bytes.length, `range not satisfiable for ${bytes.length} bytes`);
  const body = range != null ? bytes.subarray(range.start, range.end + 1) : bytes;
  const all = { ...headers, "Accept-Ranges": "bytes", "Content-Length": String(body.length) };
  if (range != null)
    all["Content-Range"] = `bytes ${range.start}-${range.end}/${bytes.length}`;
  ctx.res.writeHead(range != null ? 206 : 200, all);
  ctx.res.end(ctx.head ? void 0 : body);
}
function contentDisposition(query, fallback) {
  if (fallback == null && query.size === 0)
    return void 0;
  const filename = query.get("filename") || fallback;
  const download = query.get("download") === "true";
  if (filename == null || filename === "")
    return download ? "attachment" : void 0;
  const ascii2 = escapeSegment(filename.replace(/[^\x00-\x7f]/gu, "_"));
  return `${download ? "attachment" : "inline"}; filename="${ascii2}"; filename*=UTF-8''${escapeSegment(filename)}`;
}
function attachment(query, fallback) {
  return contentDisposition(query, fallback).replace(/^inline/, "attachment");
}
function codecDisposition(query, cid, format) {
  const ext = format.endsWith("json") ? "json" : "cbor";
  const value = contentDisposition(query, `${cid.toString()}.${ext}`);
  return ext === "cbor" ? value.replace(/^inline/, "attachment") : value;
}

// ../../apps/gateway/dist/src/handlers/car.js
async function serveCar(ctx, car) {
  const { request: r, res } = ctx;
  const scopeKey = `${car.dagScope}.${car.entityBytes != null ? `${car.entityBytes.from}:${car.entityBytes.to}` : ""}.${car.dups ? "y" : "n"}`;
  const etag = `W/"${r.root.toString()}${r.segments.length > 0 ? "/" + r.segments.join("/") : ""}.car.${scopeKey}"`;
  if (etagMatches(ctx.req.headers["if-none-match"], etag))
    return notModified(res, etag);
  const resolved = r.segments.length > 0 ? await ctx.backend.resolvePath(r.root, r.segments, { signal: ctx.signal }) : void 0;
  if (resolved != null)
    res.setHeader("X-Ipfs-Roots", resolved.roots.join(","));
  const headers = {
    "Content-Type": `application/vnd.ipld.car; version=1; order=dfs; dups=${car.dups ? "y" : "n"}`,
    "Content-Disposition": attachment(r.query, `${(resolved?.cid ?? r.root).toString()}.car`),
    "X-Content-Type-Options": "nosniff",
    // streamed as read, so no byte ranges: partial fetches use dag-scope and entity-bytes
    "Accept-Ranges": "none",
    "Cache-Control": IMMUTABLE_CACHE_CONTROL,
    Etag: etag
  };
  if (ctx.head)
    return sendHead(res, 200, headers);
  const stream = ctx.backend.getCar(r.root, r.segments, { signal: ctx.signal, dagScope: car.dagScope, entityBytes: car.entityBytes, dups: car.dups });
  await sendStream(res, 200, headers, stream, ctx.progress);
}

// ../../apps/gateway/dist/src/listing.js
function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c3) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c3]);
}
function formatBytes(n) {
  if (n < 1024)
    return `${n} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
var STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header{background:#0b3a53;color:#fff;padding:14px 24px}header a{color:#9ad9f0;text-decoration:none}
main{max-width:960px;margin:24px auto;padding:0 16px}
h1{font-size:17px;font-weight:600;margin:0;word-break:break-all}
.cid,.ipfs-hash{font:12px ui-monospace,Menlo,Consolas,monospace;color:#6b7385;word-break:break-all}
table{width:100%;border-collapse:collapse;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
th,td{text-align:left;padding:8px 12px;border-bottom:1px solid #eceef2}th{font-size:12px;color:#6b7385;text-transform:uppercase}
td.size{text-align:right;white-space:nowrap;color:#3c4455}th.size{text-align:right}
a{color:#0a6fa3}tr:hover td{background:#f0f7fb}.note{color:#6b7385;font-size:13px;margin-top:8px}
h1 a{color:#fff;text-decoration:none}h1 a:hover{text-decoration:underline}
svg.i{width:16px;height:16px;vertical-align:-3px;margin-right:8px}
`;
var FOLDER = '<svg class="i" viewBox="0 0 16 16" aria-hidden="true"><path fill="#e0a526" d="M1 3.5A1.5 1.5 0 0 1 2.5 2h3.6l1.6 1.8h5.8A1.5 1.5 0 0 1 15 5.3v7.2a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 1 12.5z"/></svg>';
var FILE = '<svg class="i" viewBox="0 0 16 16" aria-hidden="true"><path fill="#8a94a6" d="M3.5 1h6L13 4.5v9a1.5 1.5 0 0 1-1.5 1.5h-8A1.5 1.5 0 0 1 2 13.5v-11A1.5 1.5 0 0 1 3.5 1z"/><path fill="#c9cfd9" d="M9.5 1v3.5H13z"/></svg>';
function breadcrumbs(init) {
  if (init.root == null || init.segments == null || init.rootBase == null)
    return escapeHtml(init.path);
  const parts = [`<a href="${escapeHtml(init.rootBase === "" ? "/" : init.rootBase)}">${escapeHtml(init.root)}</a>`];
  let href = init.rootBase;
  for (const segment of init.segments) {
    href += "/" + encodeURIComponent(segment);
    parts.push(`<a href="${escapeHtml(href)}">${escapeHtml(segment)}</a>`);
  }
  return `/ipfs/${parts.join("/")}`;
}
function renderListing(init) {
  const rows = [];
  if (init.hasParent) {
    rows.push(`<tr><td>${FOLDER}<a href="${escapeHtml(init.base != null ? `${init.base}..` : "../")}">..</a></td><td></td><td class="size"></td></tr>`);
  }
  for (const e of init.entries) {
    const isDir = e.type === "directory";
    const href = (init.base ?? "") + encodeURIComponent(e.name);
    const cid = e.cid.toString();
    const cidCell = init.ipfsBase != null ? `<a class="ipfs-hash" translate="no" href="${escapeHtml(`${init.ipfsBase}/ipfs/${cid}?filename=${encodeURIComponent(encodeURIComponent(e.name))}`)}">${cid}</a>` : `<span class="ipfs-hash" translate="no">${cid}</span>`;
    rows.push(`<tr><td>${isDir ? FOLDER : FILE}<a href="${escapeHtml(href)}">${escapeHtml(e.name)}</a></td><td>${cidCell}</td><td class="size">${isDir ? "" : formatBytes(e.size)}</td></tr>`);
  }
  const note = init.truncatedAt != null ? `<p class="note">Showing the first ${init.truncatedAt} entries.</p>` : "";
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(init.segments != null && init.root != null ? ["/ipfs", init.root, ...init.segments].join("/") : init.path)}</title><style>${STYLE}</style></head>
<body><header><h1>Index of ${breadcrumbs(init)}</h1><div class="cid">${init.cid.toString()}</div></header>
<main><table><thead><tr><th>Name</th><th>CID</th><th class="size">Size</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table>${note}<p class="note">${init.entries.length} ${init.entries.length === 1 ? "entry" : "entries"} \xB7 served by Cairn</p></main></body></html>
`;
}
function renderDagPage(cid, prettyJson, ipfsBase) {
  const body = escapeHtml(prettyJson).replace(/(&quot;\/&quot;: &quot;)([a-z0-9]+)(&quot;)/gi, (_m, before, link, after) => `${before}<a href="${escapeHtml(`${ipfsBase}/ipfs/${link}/`)}">${link}</a>${after}`);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${cid.toString()}</title><style>${STYLE}pre{background:#fff;padding:16px;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.08);overflow:auto;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace}</style></head>
<body><header><h1>${cid.code === 113 ? "DAG-CBOR" : "DAG-JSON"} document</h1><div class="cid">${cid.toString()}</div></header>
<main><pre>${body}</pre><p class="note">Shown as DAG-JSON \xB7 <a href="?format=${cid.code === 113 ? "dag-cbor" : "dag-json"}&amp;download=true">download the block</a> \xB7 served by Cairn</p></main></body></html>
`;
}

// ../../apps/gateway/dist/src/handlers/codec.js
var CODEC_FORMAT = { 113: "dag-cbor", 297: "dag-json", 512: "json", 81: "cbor" };
var SERVED_AS = {
  "dag-json": [297],
  "dag-cbor": [113],
  json: [512, 297],
  cbor: [81, 113]
};
var CODEC_NAME = { 112: "dag-pb", 85: "raw", 113: "dag-cbor", 297: "dag-json", 512: "json", 81: "cbor" };
async function serveCodec(ctx, resolved, format, allowCodecConversion = false) {
  const code = resolved.cid.code;
  if (SERVED_AS[format].includes(code)) {
    return serveBlockAs(ctx, resolved, CONTENT_TYPE_OF[format], format);
  }
  if (!allowCodecConversion || format !== "dag-json" && format !== "dag-cbor") {
    const codec = CODEC_NAME[code] ?? `0x${code.toString(16)}`;
    throw new NotAcceptableError(`format "${format}" requested but block has codec "${codec}": codec conversion is not supported, fetch raw block with ?format=raw and convert client-side`);
  }
  const etag = `"${resolved.cid.toString()}.${format}"`;
  if (etagMatches(ctx.req.headers["if-none-match"], etag))
    return notModified(ctx.res, etag);
  const block = await ctx.backend.getBlock(resolved.cid, { signal: ctx.signal });
  let converted;
  try {
    converted = convertBlock(code, block, format);
  } catch (err) {
    if (err instanceof UnsupportedCodecError)
      throw new NotAcceptableError(err.message);
    throw err;
  }
  sendBytes(ctx, converted, {
    "Content-Type": CONTENT_TYPE_OF[format],
    "Content-Disposition": codecDisposition(ctx.request.query, resolved.cid, format),
    "Cache-Control": IMMUTABLE_CACHE_CONTROL,
    Etag: etag
  });
}
async function serveDocument(ctx, resolved) {
  const format = CODEC_FORMAT[resolved.cid.code];
  if ((format === "dag-json" || format === "dag-cbor") && /\btext\/html\b/.test(ctx.req.headers.accept ?? "")) {
    return serveDagPage(ctx, resolved);
  }
  return serveBlockAs(ctx, resolved, format != null ? CONTENT_TYPE_OF[format] : "application/octet-stream");
}
async function serveBlockAs(ctx, resolved, contentType, format) {
  const codec = format ?? CODEC_FORMAT[resolved.cid.code];
  const etag = codec != null ? `"${resolved.cid.toString()}.${codec}"` : `"${resolved.cid.toString()}"`;
  if (etagMatches(ctx.req.headers["if-none-match"], etag))
    return notModified(ctx.res, etag);
  const bytes = await ctx.backend.getBlock(resolved.cid, { signal: ctx.signal });
  const disposition = codec != null ? codecDisposition(ctx.request.query, resolved.cid, codec) : contentDisposition(ctx.request.query);
  sendBytes(ctx, bytes, {
    "Content-Type": contentType,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": IMMUTABLE_CACHE_CONTROL,
    Etag: etag,
    ...disposition != null ? { "Content-Disposition": disposition } : {}
  });
}
async function serveDagPage(ctx, resolved) {
  const etag = `"DagIndex-cairn1_CID-${resolved.cid.toString()}"`;
  if (etagMatches(ctx.req.headers["if-none-match"], etag))
    return notModified(ctx.res, etag, "no-cache");
  const json = new TextDecoder().decode(convertBlock(resolved.cid.code, await ctx.backend.getBlock(resolved.cid, { signal: ctx.signal }), "dag-json"));
  const r = ctx.request;
  const html = renderDagPage(resolved.cid, JSON.stringify(JSON.parse(json), null, 2), r.subdomain ? `//${r.parent}` : "");
  sendBytes(ctx, Buffer.from(html), { "Content-Type": "text/html; charset=utf-8", Etag: etag });
}

// ../../apps/gateway/dist/src/content-type.js
var import_mime_types = __toESM(require_mime_types(), 1);
var startsWith = (bytes, sig, offset = 0) => bytes.length >= offset + sig.length && sig.every((b, i) => bytes[offset + i] === b);
var ascii = (s) => [...s].map((c3) => c3.charCodeAt(0));
var SIGNATURES = [
  { sig: ascii("%PDF-"), type: "application/pdf" },
  { sig: ascii("%!PS-Adobe-"), type: "application/postscript" },
  { sig: [137, 80, 78, 71, 13, 10, 26, 10], type: "image/png" },
  { sig: [255, 216, 255], type: "image/jpeg" },
  { sig: ascii("GIF87a"), type: "image/gif" },
  { sig: ascii("GIF89a"), type: "image/gif" },
  { sig: ascii("BM"), type: "image/bmp" },
  { sig: ascii("WEBPVP"), offset: 8, type: "image/webp" },
  { sig: [0, 0, 1, 0], type: "image/x-icon" },
  { sig: ascii("OggS\0"), type: "application/ogg" },
  { sig: ascii("ID3"), type: "audio/mpeg" },
  { sig: ascii("fLaC"), type: "audio/flac" },
  { sig: ascii("ftyp"), offset: 4, type: "video/mp4" },
  { sig: [26, 69, 223, 163], type: "video/webm" },
  { sig: [31, 139, 8], type: "application/x-gzip" },
  { sig: ascii("PK"), type: "application/zip" },
  { sig: ascii("Rar!\x07"), type: "application/x-rar-compressed" },
  { sig: [0, 97, 115, 109], type: "application/wasm" },
  { sig: ascii("wOFF"), type: "font/woff" },
  { sig: ascii("wOF2"), type: "font/woff2" }
];
var HTML_TAGS = ["<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--"];
function looksLikeText(bytes) {
  for (const b of bytes) {
    if (b <= 8 || b === 11 || b >= 14 && b <= 26 || b >= 28 && b <= 31)
      return false;
  }
  return true;
}
var NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var JSON_WHITESPACE = /* @__PURE__ */ new Set([" ", "	", "\n", "\r"]);
function looksLikeJson(text, truncated) {
  const stack = [];
  let expect = "value";
  let mayClose = false;
  let i = 0;
  const skipString = () => {
    for (let j2 = i + 1; j2 < text.length; j2++) {
      const c3 = text[j2];
      if (c3 === "\\") {
        j2++;
        continue;
      }
      if (c3 === '"')
        return j2 + 1;
      if (c3 < " ")
        return -2;
    }
    return -1;
  };
  while (true) {
    while (i < text.length && JSON_WHITESPACE.has(text[i]))
      i++;
    if (i >= text.length)
      return expect === "end" || truncated && stack.length > 0;
    const c3 = text[i];
    if (expect === "end")
      return false;
    if (expect === "colon") {
      if (c3 !== ":")
        return false;
      i++;
      expect = "value";
      mayClose = false;
      continue;
    }
    if (expect === "comma") {
      const top = stack.at(-1);
      if (c3 === ",") {
        i++;
        expect = top === "{" ? "key" : "value";
        mayClose = false;
        continue;
      }
      if (c3 === "}" && top === "{" || c3 === "]" && top === "[") {
        stack.pop();
        i++;
        expect = stack.length === 0 ? "end" : "comma";
        continue;
      }
      return false;
    }
    if (mayClose && (c3 === "}" && stack.at(-1) === "{" || c3 === "]" && stack.at(-1) === "[")) {
      stack.pop();
      i++;
      mayClose = false;
      expect = stack.length === 0 ? "end" : "comma";
      continue;
    }
    if (expect === "key") {
      if (c3 !== '"')
        return false;
      const end = skipString();
      if (end === -1)
        return truncated;
      if (end < 0)
        return false;
      i = end;
      expect = "colon";
      continue;
    }
    if (c3 === "{" || c3 === "[") {
      stack.push(c3);
      i++;
      expect = c3 === "{" ? "key" : "value";
      mayClose = true;
      continue;
    }
    if (stack.length === 0)
      return false;
    mayClose = false;
    if (c3 === '"') {
      const end = skipString();
      if (end === -1)
        return truncated;
      if (end < 0)
        return false;
      i = end;
      expect = stack.length === 0 ? "end" : "comma";
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number != null) {
      i += number[0].length;
      if (i >= text.length)
        return truncated;
      expect = stack.length === 0 ? "end" : "comma";
      continue;
    }
    const literal = ["true", "false", "null"].find((l) => text.startsWith(l, i));
    if (literal != null) {
      i += literal.length;
      expect = stack.length === 0 ? "end" : "comma";
      continue;
    }
    return truncated && ["true", "false", "null"].some((l) => l.startsWith(text.slice(i)));
  }
}
function sniffContentType(bytes, truncated = false) {
  for (const { sig, offset, type } of SIGNATURES) {
    if (startsWith(bytes, sig, offset ?? 0))
      return type;
  }
  if (bytes.length >= 12 && startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WAVE"), 8))
    return "audio/wave";
  let start = 0;
  while (start < bytes.length && [9, 10, 12, 13, 32].includes(bytes[start]))
    start++;
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(start, start + 64)).toLowerCase();
  if (HTML_TAGS.some((tag) => head.startsWith(tag) && /[ >]/.test(head.charAt(tag.length) || ">")))
    return "text/html; charset=utf-8";
  if (head.startsWith("<?xml"))
    return head.includes("<svg") ? "image/svg+xml" : "text/xml; charset=utf-8";
  if (head.startsWith("<svg"))
    return "image/svg+xml";
  if (bytes.length === 0)
    return "text/plain; charset=utf-8";
  if (looksLikeText(bytes)) {
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    return looksLikeJson(text, truncated) ? "application/json" : "text/plain; charset=utf-8";
  }
  return "application/octet-stream";
}
function contentTypeFromName(name) {
  if (name === "" || !name.includes("."))
    return void 0;
  const type = import_mime_types.default.lookup(name);
  if (type === false)
    return void 0;
  return type.startsWith("text/") ? `${type}; charset=utf-8` : type;
}

// ../../apps/gateway/dist/src/handlers/unixfs-file.js
var SNIFFED = /* @__PURE__ */ new WeakMap();
function sniffedType(content) {
  let type = SNIFFED.get(content);
  if (type == null) {
    type = sniffContentType(content.subarray(0, SNIFF_BYTES), content.length > SNIFF_BYTES);
    SNIFFED.set(content, type);
  }
  return type;
}
async function serveFile(ctx, resolved, options = {}) {
  const { req, backend, signal } = ctx;
  const statusOverride = options.status;
  const etag = `"${(options.etagCid ?? resolved.cid).toString()}"`;
  if (resolved.content == null)
    ctx.base.apply();
  if (statusOverride == null && etagMatches(req.headers["if-none-match"], etag)) {
    ctx.base.apply();
    return notModified(ctx.res, etag);
  }
  const ifMatch = req.headers["if-match"];
  if (ifMatch != null && !etagMatches(ifMatch, etag))
    throw new PreconditionFailedError(`If-Match does not match ${etag}`);
  const size = resolved.size;
  const range = statusOverride == null ? parseRange(req.headers.range, size) : void 0;
  if (range === "unsatisfiable")
    throw new RangeNotSatisfiableError(size, `range not satisfiable for ${size} bytes`);
  const headers = {
    "Accept-Ranges": "bytes",
    "Cache-Control": IMMUTABLE_CACHE_CONTROL,
    Etag: etag
  };
  const disposition = contentDisposition(ctx.request.query);
  if (disposition != null)
    headers["Content-Disposition"] = disposition;
  const byName = contentTypeFromName(ctx.request.query.get("filename") ?? options.name ?? "");
  const start = range?.start ?? 0;
  const length = range != null ? range.end - range.start + 1 : size;
  const status = statusOverride ?? (range != null ? 206 : 200);
  if (range != null)
    headers["Content-Range"] = `bytes ${range.start}-${range.end}/${size}`;
  headers["Content-Length"] = String(length);
  if (resolved.content != null) {
    const content = resolved.content;
    if (byName != null)
      headers["Content-Type"] = byName;
    else if (range != null && range.start > 0)
      headers["Content-Type"] = "text/plain; charset=utf-8";
    else
      headers["Content-Type"] = sniffedType(content);
    const all = ctx.base.flat(headers);
    if (all != null)
      ctx.res.writeHead(status, all);
    else
      ctx.res.writeHead(status, headers);
    ctx.res.end(ctx.head ? void 0 : content.subarray(start, start + length));
    return;
  }
  const stream = backend.cat(resolved.cid, { signal, offset: start, length })[Symbol.asyncIterator]();
  let first;
  if (length > 0 && !ctx.head) {
    const next = await stream.next();
    if (next.done !== true)
      first = next.value;
  }
  let type = byName;
  if (type == null) {
    if (range != null && range.start > 0) {
      type = "text/plain; charset=utf-8";
    } else {
      let head = first;
      if (head == null && size > 0) {
        head = new Uint8Array(0);
        for await (const chunk of backend.cat(resolved.cid, { signal, offset: 0, length: Math.min(SNIFF_BYTES, size) })) {
          head = chunk;
          break;
        }
      }
      const sniffed = (head ?? new Uint8Array(0)).subarray(0, SNIFF_BYTES);
      type = sniffContentType(sniffed, sniffed.length < size);
    }
  }
  headers["Content-Type"] = type;
  if (ctx.head) {
    await stream.return?.();
    return sendHead(ctx.res, status, headers);
  }
  await sendStream(ctx.res, status, headers, { [Symbol.asyncIterator]: () => stream }, ctx.progress, first);
}

// ../../apps/gateway/dist/src/handlers/directory.js
var LISTING_CACHE_CONTROL = "public, max-age=604800, stale-while-revalidate=2678400";
async function collectListing(backend, cid, max, signal) {
  const entries = [];
  for await (const e of backend.ls(cid, { signal })) {
    if (entries.length === max)
      return { entries, truncated: true };
    entries.push({ name: e.name, cid: e.cid, size: e.size, type: e.type });
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  return { entries, truncated: false };
}
async function serveDirectory(ctx, resolved) {
  const { req, res, request: r, backend, signal } = ctx;
  if (!r.trailingSlash && !(r.subdomain && r.segments.length === 0 && r.urlPath.endsWith("/")) && r.query.get("go-get") !== "1") {
    res.writeHead(301, { Location: `${r.urlPath}/${r.search}` });
    res.end();
    return;
  }
  let index;
  try {
    index = await backend.resolvePath(r.root, [...r.segments, "index.html"], { signal });
  } catch (err) {
    if (err?.name !== "NotFoundError")
      throw err;
  }
  if (index != null && (index.type === "file" || index.type === "raw")) {
    return serveFile(ctx, { ...index, roots: resolved.roots }, { name: "index.html", etagCid: resolved.cid });
  }
  const etag = `"DirIndex-cairn1_CID-${resolved.cid.toString()}"`;
  if (etagMatches(req.headers["if-none-match"], etag) || etagMatches(req.headers["if-none-match"], `"${resolved.cid.toString()}"`)) {
    return notModified(res, etag, LISTING_CACHE_CONTROL);
  }
  const headers = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": LISTING_CACHE_CONTROL,
    Etag: etag
  };
  if (ctx.head)
    return sendHead(res, 200, headers);
  const max = ctx.maxListingEntries;
  const { entries, truncated } = await collectListing(backend, resolved.cid, max, signal);
  const html = renderListing({
    path: r.contentPath.replace(/\/$/, "") || "/",
    root: r.root.toString(),
    segments: r.segments,
    base: r.urlPath,
    rootBase: r.subdomain ? `//${r.parent}/ipfs/${r.root.toString()}` : `/ipfs/${r.root.toString()}`,
    cid: resolved.cid,
    entries,
    hasParent: r.segments.length > 0,
    ipfsBase: r.subdomain ? `//${r.parent}` : "",
    truncatedAt: truncated ? max : void 0
  });
  headers["Content-Length"] = String(Buffer.byteLength(html));
  res.writeHead(200, headers);
  res.end(html);
}

// ../../apps/gateway/dist/src/handlers/raw-block.js
async function serveRawBlock(ctx, resolved) {
  const etag = `"${resolved.cid.toString()}.raw"`;
  if (etagMatches(ctx.req.headers["if-none-match"], etag))
    return notModified(ctx.res, etag);
  const bytes = await ctx.backend.getBlock(resolved.cid, { signal: ctx.signal });
  sendBytes(ctx, bytes, {
    "Content-Type": CONTENT_TYPE_OF.raw,
    "Content-Disposition": attachment(ctx.request.query, `${resolved.cid.toString()}.bin`),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": IMMUTABLE_CACHE_CONTROL,
    Etag: etag
  });
}

// ../../apps/gateway/dist/src/redirects.js
var MAX_REDIRECTS_FILE_BYTES = 64 * 1024;
var STATUSES = /* @__PURE__ */ new Set([200, 301, 302, 303, 307, 308, 404, 410, 451]);
var unparsable = (why) => new StatusError(500, `could not parse _redirects: ${why}`);
function parseRedirects(text) {
  const rules = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#"))
      continue;
    const fields = line.split(/\s+/);
    if (fields.length < 2 || fields.length > 3)
      throw unparsable(`line ${i + 1}: expected "from to [status]"`);
    const [from, to, statusText] = fields;
    if (!from.startsWith("/"))
      throw unparsable(`line ${i + 1}: "from" must start with /`);
    if (!to.startsWith("/") && !/^https?:\/\//.test(to))
      throw unparsable(`line ${i + 1}: "to" must be a path or an http(s) URL`);
    let status = 301;
    if (statusText != null) {
      if (statusText.endsWith("!"))
        throw unparsable(`line ${i + 1}: forced redirects (or "shadowing") are not supported`);
      if (!/^\d{3}$/.test(statusText) || !STATUSES.has(Number(statusText)))
        throw unparsable(`line ${i + 1}: unsupported redirect status "${statusText.slice(0, 10)}"`);
      status = Number(statusText);
    }
    rules.push({ from, to, status });
  }
  return rules;
}
function matchRedirect(rules, path) {
  const segments = path.split("/").filter((s) => s !== "");
  for (const rule of rules) {
    const pattern = rule.from.split("/").filter((s) => s !== "");
    const values = {};
    let matched = true;
    for (let i = 0; i < pattern.length; i++) {
      const p = pattern[i];
      if (p === "*" && i === pattern.length - 1) {
        values.splat = segments.slice(i).join("/");
        break;
      }
      const s = segments[i];
      if (s == null) {
        matched = false;
        break;
      }
      if (p.startsWith(":"))
        values[p.slice(1)] = s;
      else if (p !== s) {
        matched = false;
        break;
      }
      if (i === pattern.length - 1 && segments.length !== pattern.length)
        matched = false;
    }
    if (pattern.length === 0 && segments.length !== 0)
      matched = false;
    if (!matched)
      continue;
    const to = rule.to.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name) => values[name] ?? whole);
    return { to, status: rule.status };
  }
  return void 0;
}

// ../../apps/gateway/dist/src/handlers/redirects.js
async function serveRedirects(ctx) {
  const { request: r, backend, signal } = ctx;
  let file;
  try {
    file = await backend.resolvePath(r.root, ["_redirects"], { signal });
  } catch (err) {
    if (err?.name === "NotFoundError")
      return false;
    throw err;
  }
  if (file.type !== "file" && file.type !== "raw")
    return false;
  if (file.size > MAX_REDIRECTS_FILE_BYTES)
    throw new StatusError(500, `could not parse _redirects: redirects file size cannot exceed ${MAX_REDIRECTS_FILE_BYTES} bytes`);
  const chunks = [];
  for await (const chunk of backend.cat(file.cid, { signal }))
    chunks.push(chunk);
  const match = matchRedirect(parseRedirects(Buffer.concat(chunks).toString("utf8")), "/" + r.segments.join("/"));
  if (match == null)
    return false;
  if (match.status >= 300 && match.status < 400) {
    ctx.res.writeHead(match.status, { Location: withQuery(match.to, r.query) });
    ctx.res.end();
    return true;
  }
  const { segments } = splitSegments(match.to.split("?")[0]);
  let target = await backend.resolvePath(r.root, segments, { signal });
  let name = segments.at(-1);
  if (target.type === "directory") {
    target = await backend.resolvePath(r.root, [...segments, "index.html"], { signal });
    name = "index.html";
  }
  await serveFile(ctx, target, { name, status: match.status });
  return true;
}
function withQuery(to, query) {
  if (query.size === 0)
    return to;
  const hashAt = to.indexOf("#");
  const hash = hashAt >= 0 ? to.slice(hashAt) : "";
  const base = hashAt >= 0 ? to.slice(0, hashAt) : to;
  const queryAt = base.indexOf("?");
  const params = new URLSearchParams(queryAt >= 0 ? base.slice(queryAt + 1) : "");
  for (const key of new Set(query.keys()))
    params.delete(key);
  for (const [key, value] of query)
    params.append(key, value);
  return `${queryAt >= 0 ? base.slice(0, queryAt) : base}?${params.toString()}${hash}`;
}

// ../../apps/gateway/dist/src/handlers/symlink.js
async function serveSymlink(ctx, resolved) {
  let target = "";
  for await (const entry of ctx.backend.get(resolved.cid, { signal: ctx.signal })) {
    target = entry.symlinkTarget ?? "";
    break;
  }
  ctx.res.writeHead(200, {
    "Content-Type": "inode/symlink",
    "Content-Length": String(Buffer.byteLength(target)),
    "Cache-Control": IMMUTABLE_CACHE_CONTROL,
    Etag: `"${resolved.cid.toString()}"`
  });
  ctx.res.end(ctx.head ? void 0 : target);
}

// ../../apps/gateway/dist/src/tar.js
import { posix } from "node:path";
async function collect(source) {
  const chunks = [];
  let length = 0;
  for await (const c3 of source) {
    chunks.push(c3);
    length += c3.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c3 of chunks) {
    out.set(c3, offset);
    offset += c3.length;
  }
  return out;
}
var OUTSIDE_ROOT_MESSAGE = "relative UnixFS paths outside the root are now allowed";
function safePath(path, root) {
  const normalised = posix.normalize(path);
  if (normalised !== root && !normalised.startsWith(root + "/"))
    throw new Error(`${OUTSIDE_ROOT_MESSAGE}: ${path.slice(0, 200)}`);
  return normalised;
}
async function* safeEntries(entries) {
  let root;
  let lastDirectory;
  try {
    for await (const raw of entries) {
      root ??= posix.normalize(raw.path);
      const path = safePath(raw.path, root);
      if (raw.type === "directory")
        lastDirectory = path;
      yield { ...raw, path };
    }
  } catch (err) {
    const name = /unsafe entry name "(.*)"/.exec(err?.message ?? "")?.[1];
    if (name != null && root != null && lastDirectory != null) {
      const target = posix.normalize(`${lastDirectory}/${name}`);
      if (target !== root && !target.startsWith(root + "/"))
        throw new Error(`${OUTSIDE_ROOT_MESSAGE}: ${err.message}`, { cause: err });
    }
    throw err;
  }
}
async function* toTarEntries(entries) {
  for await (const entry of safeEntries(entries)) {
    const mtime = entry.mtime != null ? new Date(Number(entry.mtime.secs) * 1e3) : /* @__PURE__ */ new Date(0);
    if (entry.type === "directory") {
      yield { header: { name: entry.path, type: "directory", mode: entry.mode ?? 493, mtime } };
    } else if (entry.type === "symlink") {
      yield { header: { name: entry.path, type: "symlink", linkname: entry.symlinkTarget ?? "", mode: entry.mode ?? 511, mtime } };
    } else {
      const content = entry.content ?? (async function* () {
      })();
      const body = entry.size != null ? content : await collect(content);
      const size = entry.size ?? body.length;
      yield { header: { name: entry.path, type: "file", size, mode: entry.mode ?? 420, mtime }, body };
    }
  }
}
function tarStream(entries) {
  return pack()(toTarEntries(entries));
}

// ../../apps/gateway/dist/src/handlers/tar.js
async function serveTar(ctx, resolved) {
  const etag = `W/"${resolved.cid.toString()}.x-tar"`;
  if (etagMatches(ctx.req.headers["if-none-match"], etag))
    return notModified(ctx.res, etag);
  const headers = {
    "Content-Type": CONTENT_TYPE_OF.tar,
    "Content-Disposition": attachment(ctx.request.query, `${resolved.cid.toString()}.tar`),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": IMMUTABLE_CACHE_CONTROL,
    Etag: etag
  };
  if (ctx.head)
    return sendHead(ctx.res, 200, headers);
  await sendStream(ctx.res, 200, headers, tarWithError(tarStream(ctx.backend.get(resolved.cid, { signal: ctx.signal }))), ctx.progress);
}
async function* tarWithError(tar) {
  let started = false;
  try {
    for await (const chunk of tar) {
      started = true;
      yield chunk;
    }
  } catch (err) {
    if (!started)
      throw err;
    yield new TextEncoder().encode(`
${err.message}
`);
  }
}

// ../../apps/gateway/dist/src/path-gateway.js
var CORS_HEADERS = {
  "Access-Control-Allow-Origin": ["*"],
  "Access-Control-Allow-Methods": ["GET", "HEAD", "OPTIONS"],
  "Access-Control-Allow-Headers": ["Content-Type", "Range", "User-Agent", "X-Requested-With"],
  "Access-Control-Expose-Headers": ["Content-Length", "Content-Range", "X-Chunked-Output", "X-Ipfs-Path", "X-Ipfs-Roots", "X-Stream-Output"]
};
var CORS_ENTRIES = Object.entries(CORS_HEADERS);
var CORS_FLAT = CORS_ENTRIES.flatMap(([name, values]) => values.flatMap((value) => [name, value]));
var PARSED_REQUEST_CACHE_ENTRIES = 4096;
var PARSED_REQUEST_CACHE_BYTES = 4 * 1024 * 1024;
var NAMESPACE_ROOT = /^\/ip[fn]s\/[^/]+$/;
function createPathGateway(init) {
  const log = (init.logger ?? defaultLogger()).forComponent("cairn:gateway:http");
  const backend = init.backend;
  const timeoutMs = init.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxListingEntries = init.maxListingEntries ?? DEFAULT_MAX_LISTING_ENTRIES;
  const maxUrlBytes = init.maxUrlBytes ?? DEFAULT_MAX_URL_BYTES;
  const subdomains = new SubdomainHosts(init.subdomainHosts ?? DEFAULT_SUBDOMAIN_HOSTS);
  const allowCodecConversion = init.allowCodecConversion ?? false;
  const parsedRequests = new j({ max: PARSED_REQUEST_CACHE_ENTRIES, maxSize: PARSED_REQUEST_CACHE_BYTES, sizeCalculation: (_v, key) => key.length * 4 });
  async function serve(req, res, base, signal, progress) {
    if (req.method === "OPTIONS") {
      base.apply();
      let moved;
      try {
        const parsed3 = parseRequest(req, subdomains);
        if ("redirect" in parsed3)
          moved = parsed3.redirect;
      } catch {
      }
      res.setHeader("Allow", ["GET", "HEAD", "OPTIONS"]);
      res.writeHead(moved != null ? 301 : 200, moved != null ? { Location: moved } : {});
      res.end();
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD")
      throw new MethodNotAllowedError("GET, HEAD", `method ${req.method} not allowed`);
    if ((req.url ?? "").length > maxUrlBytes)
      throw new StatusError(414, "URL too long");
    const parsed2 = parseRequest(req, subdomains, parsedRequests);
    if (req.headers["service-worker"] === "script" && !("landing" in parsed2) && !("redirect" in parsed2) && !parsed2.subdomain && NAMESPACE_ROOT.test(parsed2.urlPath)) {
      throw new StatusError(400, "navigator.serviceWorker: registration is not allowed for this scope");
    }
    if ("landing" in parsed2 || "redirect" in parsed2)
      base.apply();
    if ("landing" in parsed2) {
      res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(req.method === "HEAD" ? void 0 : "Cairn IPFS gateway: GET /ipfs/<cid>[/path]\n");
      return;
    }
    if ("redirect" in parsed2) {
      res.writeHead(301, { Location: parsed2.redirect });
      res.end();
      return;
    }
    const r = parsed2;
    if (/\bonly-if-cached\b/i.test(String(req.headers["cache-control"] ?? "")) && backend.isLocal != null && !await backend.isLocal(r.root, { signal })) {
      throw new PreconditionFailedError(`${r.root.toString()} is not in the local store (only-if-cached)`);
    }
    const negotiated = negotiate(r.query, req.headers.accept);
    base.set("X-Ipfs-Path", r.contentPath);
    base.set("Vary", "Accept");
    const location = contentLocation(r.urlPath, r.query, negotiated);
    if (location != null)
      base.set("Content-Location", location);
    const ctx = { req, res, base, request: r, backend, signal, progress, head: req.method === "HEAD", maxListingEntries };
    if (negotiated.format === "car") {
      base.apply();
      return serveCar(ctx, negotiated.car);
    }
    let resolved;
    try {
      resolved = await backend.resolvePath(r.root, r.segments, { signal });
    } catch (err) {
      if (r.subdomain && negotiated.format === "deserialized" && err?.name === "NotFoundError") {
        base.apply();
        if (await serveRedirects(ctx))
          return;
      }
      throw err;
    }
    base.set("X-Ipfs-Roots", resolved.roots.join(","));
    const format = negotiated.format;
    if (format !== "deserialized" || resolved.content == null)
      base.apply();
    if (format === "raw")
      return serveRawBlock(ctx, resolved);
    if (format === "tar")
      return serveTar(ctx, resolved);
    const unixfs = resolved.cid.code === 112 || resolved.cid.code === 85;
    if (format !== "deserialized" && !(unixfs && (format === "json" || format === "cbor"))) {
      return serveCodec(ctx, resolved, format, allowCodecConversion);
    }
    switch (resolved.type) {
      case "directory":
        return serveDirectory(ctx, resolved);
      case "file":
      case "raw":
        return serveFile(ctx, resolved, { name: r.segments.at(-1) });
      case "symlink":
        return serveSymlink(ctx, resolved);
      default:
        return serveDocument(ctx, resolved);
    }
  }
  return (req, res) => {
    const controller = new AbortController();
    let timedOut = false;
    let clientIsSlow = false;
    const timer = setTimeout(function expire() {
      if (clientIsSlow) {
        timer.refresh();
        return;
      }
      timedOut = true;
      controller.abort(new TimeoutError(`no content within ${timeoutMs} ms`));
    }, timeoutMs);
    const progress = () => {
      timer.refresh();
    };
    progress.waiting = (on) => {
      clientIsSlow = on;
      if (!on)
        timer.refresh();
    };
    res.on("close", () => {
      clearTimeout(timer);
      if (!res.writableFinished)
        controller.abort();
    });
    const base = new BaseHeaders(res, CORS_ENTRIES, CORS_FLAT);
    serve(req, res, base, controller.signal, progress).then(() => {
      clearTimeout(timer);
    }, (err) => {
      clearTimeout(timer);
      const error = timedOut ? new TimeoutError(`content not found within ${timeoutMs} ms`, { cause: err }) : err;
      if (res.headersSent) {
        log.error("%s %s failed after the headers, cutting the connection - %e", req.method, req.url, error);
        res.destroy(error instanceof Error ? error : void 0);
        return;
      }
      base.apply();
      if (toHttpStatus(error) >= 500)
        log.error("%s %s - %e", req.method, req.url, error);
      if (error?.name === "RangeNotSatisfiableError")
        res.setHeader("Content-Range", `bytes */${error.size}`);
      if (error?.name === "MethodNotAllowedError")
        res.setHeader("Allow", "GET, HEAD");
      sendError(res, error, "gateway");
    });
  };
}

// ../../apps/gateway/dist/src/rpc/server.js
import { timingSafeEqual } from "node:crypto";

// ../../apps/gateway/dist/src/rpc/args.js
var GLOBAL_OPTIONS = {
  "stream-channels": "bool",
  encoding: "string",
  timeout: "string",
  offline: "bool",
  headers: "string"
};
var Args = class {
  args;
  #options;
  constructor(args, options) {
    this.args = args;
    this.#options = options;
  }
  has(name) {
    return this.#options.has(name);
  }
  string(name) {
    return this.#options.get(name);
  }
  bool(name) {
    const v = this.#options.get(name);
    if (v == null)
      return void 0;
    if (v === "" || v === "true" || v === "1")
      return true;
    if (v === "false" || v === "0")
      return false;
    throw new InvalidParametersError(`option "${name}" must be a boolean, got "${v.slice(0, 50)}"`);
  }
  int(name) {
    const v = this.#options.get(name);
    if (v == null)
      return void 0;
    if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v)))
      throw new InvalidParametersError(`option "${name}" must be an integer, got "${v.slice(0, 50)}"`);
    return Number(v);
  }
};
function parseArgs(query, spec) {
  const args = [];
  const options = /* @__PURE__ */ new Map();
  for (const [key, value] of query) {
    if (key === "arg") {
      args.push(value);
      continue;
    }
    const kind = spec.options?.[key] ?? GLOBAL_OPTIONS[key];
    if (kind != null)
      options.set(key, value);
  }
  const [min, max] = spec.args;
  if (args.length < min)
    throw new InvalidParametersError(min === 1 ? 'argument "arg" is required' : `at least ${min} arguments are required`);
  if (args.length > max)
    throw new InvalidParametersError(`expected at most ${max} argument${max === 1 ? "" : "s"}, got ${args.length}`);
  const parsed2 = new Args(args, options);
  for (const [key] of options) {
    const kind = spec.options?.[key] ?? GLOBAL_OPTIONS[key];
    if (kind === "bool")
      parsed2.bool(key);
    if (kind === "int")
      parsed2.int(key);
  }
  return parsed2;
}

// ../../apps/gateway/dist/src/rpc/origin.js
var COMPANION_ORIGINS = [
  "chrome-extension://nibjojkomfdiaoajekhjakgkdhaomnch",
  "chrome-extension://hjoieblefckbooibpepigmacodalfndh"
];
function localhostOrigins(port) {
  return ["127.0.0.1", "[::1]", "localhost"].flatMap((host) => [`http://${host}:${port}`, `https://${host}:${port}`]);
}
function refererOrigin(referer) {
  const m2 = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/([^/?#]*))?/.exec(referer);
  const scheme = (m2?.[1] ?? "").toLowerCase();
  const authority = m2?.[2] ?? "";
  return `${scheme}://${authority.slice(authority.lastIndexOf("@") + 1)}`;
}
function createOriginPolicy(configured = []) {
  const fixed = /* @__PURE__ */ new Set([...configured, ...COMPANION_ORIGINS]);
  const allows = (origin, port) => fixed.has("*") || fixed.has(origin) || port != null && localhostOrigins(port).includes(origin);
  return {
    allows,
    check(req) {
      const port = req.socket.localPort;
      const origin = req.headers.origin ?? "";
      const referer = req.headers.referer ?? "";
      if (origin !== "" && !allows(origin, port))
        throw new ForbiddenError(`origin ${origin.slice(0, 100)} is not allowed`);
      if (referer !== "" && !allows(refererOrigin(referer), port))
        throw new ForbiddenError("referer is not allowed");
      const agent = req.headers["user-agent"] ?? "";
      if (req.method === "POST" && origin === "" && referer === "" && agent.startsWith("Mozilla") && !agent.includes("Electron")) {
        throw new ForbiddenError("a browser request without Origin or Referer is not allowed");
      }
    }
  };
}

// ../../apps/gateway/dist/src/rpc/output.js
function sendJson(res, value, status = 200) {
  const body = JSON.stringify(value, (_k, v) => typeof v === "bigint" ? Number(v) : v) + "\n";
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body))
  });
  res.end(body);
}
function drained2(res) {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
var announced = /* @__PURE__ */ new WeakSet();
function canEndWithError(res) {
  return announced.has(res) && !res.writableEnded && !res.destroyed;
}
function startStream(res, contentType, kind) {
  announced.add(res);
  const mark = kind === true || kind === "values" ? "X-Chunked-Output" : kind === false || kind === "bytes" ? "X-Stream-Output" : void 0;
  res.writeHead(200, {
    "Content-Type": contentType,
    ...mark != null ? { [mark]: "1" } : {},
    Trailer: "X-Stream-Error",
    "Transfer-Encoding": "chunked"
  });
}
function endStream(res, err) {
  if (err != null)
    res.addTrailers({ "X-Stream-Error": (err instanceof Error ? err.message : String(err)).replace(/[\r\n]+/g, " ").slice(0, 500) });
  res.end();
}
function lazyStream(res, contentType, kind) {
  let started = false;
  const start = () => {
    if (started)
      return;
    started = true;
    startStream(res, contentType, kind);
  };
  return {
    get started() {
      return started;
    },
    start,
    push(chunk) {
      start();
      res.write(chunk);
    },
    async write(chunk) {
      start();
      await write(res, chunk);
    },
    end(err) {
      if (!started && err != null)
        throw err;
      start();
      endStream(res, err);
    }
  };
}
async function write(res, chunk) {
  if (!res.write(chunk))
    await drained2(res);
}
async function sendNdjson(res, source, map) {
  const it = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  const first = await it.next();
  startStream(res, "application/json; charset=utf-8", true);
  try {
    if (first.done !== true)
      await write(res, JSON.stringify(map(first.value)) + "\n");
    while (!res.destroyed) {
      const next = await it.next();
      if (next.done === true)
        break;
      await write(res, JSON.stringify(map(next.value)) + "\n");
    }
  } catch (err) {
    endStream(res, err);
    return;
  }
  endStream(res);
}
async function sendBytes2(res, source, contentType, kind = "bytes") {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  startStream(res, contentType, kind);
  try {
    if (first.done !== true)
      await write(res, first.value);
    while (!res.destroyed) {
      const next = await it.next();
      if (next.done === true)
        break;
      await write(res, next.value);
    }
  } catch (err) {
    endStream(res, err);
    return;
  }
  endStream(res);
}

// ../../apps/gateway/dist/src/rpc/multipart.js
var import_busboy = __toESM(require_lib(), 1);
function parseFieldParams(fieldName) {
  const q = fieldName.indexOf("?");
  if (q < 0)
    return { field: fieldName };
  const params = new URLSearchParams(fieldName.slice(q + 1));
  const out = { field: fieldName.slice(0, q) };
  const mode = params.get("mode");
  if (mode != null) {
    if (!/^[0-7]{1,6}$/.test(mode))
      throw new InvalidParametersError(`invalid mode "${mode.slice(0, 20)}"`);
    out.mode = parseInt(mode, 8);
  }
  const mtime = params.get("mtime");
  if (mtime != null) {
    if (!/^-?\d+$/.test(mtime))
      throw new InvalidParametersError(`invalid mtime "${mtime.slice(0, 30)}"`);
    const nsecs = params.get("mtime-nsecs");
    out.mtime = { secs: BigInt(mtime), ...nsecs != null && /^\d+$/.test(nsecs) ? { nsecs: Number(nsecs) } : {} };
  }
  return out;
}
function decodePath2(raw) {
  let path;
  try {
    path = decodeURIComponent(raw);
  } catch (err) {
    throw new MalformedRequestError(`invalid file name encoding "${raw.slice(0, 100)}"`, { cause: err });
  }
  const segments = path.split("/");
  if (segments.some((s) => s === ".." || s === ".") || path.includes("\0")) {
    throw new MalformedRequestError(`invalid path "${path.slice(0, 100)}" in upload`);
  }
  return segments.filter((s) => s !== "").join("/");
}
async function* multipartParts(req, limits) {
  const contentType = req.headers["content-type"] ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) {
    throw new MalformedRequestError("expected a multipart/form-data body");
  }
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
    throw new PayloadTooLargeError(`body of ${declared} bytes is over the ${limits.maxBodyBytes} byte limit`);
  }
  let bb;
  try {
    bb = (0, import_busboy.default)({
      headers: req.headers,
      preservePath: true,
      limits: { fileSize: limits.maxPartBytes, files: limits.maxParts, parts: limits.maxParts, fields: limits.maxParts, headerPairs: 32 }
    });
  } catch (err) {
    throw new MalformedRequestError(err.message, { cause: err });
  }
  const queue = [];
  let wake;
  const push = (item) => {
    queue.push(item);
    wake?.();
    wake = void 0;
  };
  let failed;
  const fail = (err) => {
    if (failed != null)
      return;
    failed = err;
    push(err);
  };
  bb.on("file", (fieldName, stream, info) => {
    try {
      const params = parseFieldParams(fieldName);
      const path = decodePath2(info.filename ?? "");
      const mime2 = (info.mimeType ?? "").toLowerCase();
      const kind = mime2 === "application/x-directory" ? "directory" : mime2 === "application/symlink" ? "symlink" : "file";
      stream.on("limit", () => {
        const err = new PayloadTooLargeError(`part "${path}" is over the ${limits.maxPartBytes} byte limit`);
        stream.destroy(err);
        fail(err);
      });
      if (kind === "directory")
        stream.resume();
      const content = (async function* () {
        try {
          for await (const chunk of stream)
            yield chunk;
        } catch (err) {
          throw failed ?? new MalformedRequestError(`upload of "${path}" failed: ${err.message}`, { cause: err });
        }
        if (failed != null)
          throw failed;
      })();
      push({ ...params, path, kind, stream, content });
    } catch (err) {
      stream.resume();
      fail(err);
    }
  });
  bb.on("field", (name) => {
    fail(new MalformedRequestError(`unexpected form field "${name.slice(0, 50)}": parts must carry a filename`));
  });
  bb.on("filesLimit", () => {
    fail(new PayloadTooLargeError(`more than ${limits.maxParts} parts`));
  });
  bb.on("partsLimit", () => {
    fail(new PayloadTooLargeError(`more than ${limits.maxParts} parts`));
  });
  bb.on("error", (err) => {
    fail(new MalformedRequestError(`malformed multipart body: ${err.message}`, { cause: err }));
  });
  bb.on("close", () => {
    push(null);
  });
  let received = 0;
  req.on("data", (chunk) => {
    received += chunk.length;
    if (received > limits.maxBodyBytes) {
      const err = new PayloadTooLargeError(`body is over the ${limits.maxBodyBytes} byte limit`);
      fail(err);
      req.unpipe(bb);
      req.resume();
    }
  });
  req.on("aborted", () => {
    fail(new MalformedRequestError("request aborted by the client"));
  });
  req.pipe(bb);
  let current;
  try {
    while (true) {
      if (queue.length === 0)
        await new Promise((resolve) => {
          wake = resolve;
        });
      const item = queue.shift();
      if (item === void 0)
        continue;
      if (item === null) {
        if (failed != null)
          throw failed;
        return;
      }
      if (item instanceof Error) {
        current?.stream.destroy(item);
        throw item;
      }
      current = item;
      yield item;
      if (failed != null)
        throw failed;
    }
  } finally {
    if (failed != null || queue.at(-1) !== null) {
      req.unpipe(bb);
      req.resume();
    }
  }
}
async function readPart(part, max) {
  const chunks = [];
  let length = 0;
  for await (const chunk of part.content) {
    length += chunk.length;
    if (length > max)
      throw new PayloadTooLargeError(`part is over the ${max} byte limit`);
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return new Uint8Array(Buffer.concat(chunks, length));
}

// ../../apps/gateway/dist/src/rpc/commands/add.js
var ADD_CID_VERSIONS = /* @__PURE__ */ new Set(["0", "1"]);
function addOptions(a, signal) {
  const cidVersion = a.string("cid-version");
  if (cidVersion != null && !ADD_CID_VERSIONS.has(cidVersion))
    throw new InvalidParametersError(`unsupported cid-version "${cidVersion.slice(0, 10)}"`);
  const hash = a.string("hash");
  if (hash != null && hash !== "sha2-256")
    throw new InvalidParametersError(`unsupported hash "${hash.slice(0, 30)}": only sha2-256`);
  const inlineLimit = a.int("inline-limit");
  if (inlineLimit != null && (inlineLimit < 0 || inlineLimit > 127))
    throw new InvalidParametersError("inline-limit must be between 0 and 127");
  const maxLinks = a.int("max-file-links");
  if (maxLinks != null && (maxLinks < 2 || maxLinks > 65536))
    throw new InvalidParametersError("max-file-links must be between 2 and 65536");
  const chunker = a.string("chunker");
  if (chunker != null && !/^(size-\d+|rabin(-\d+){0,3}|buzhash)$/.test(chunker))
    throw new InvalidParametersError(`invalid chunker "${chunker.slice(0, 50)}"`);
  const opts = { signal };
  if (cidVersion != null)
    opts.cidVersion = Number(cidVersion);
  const set = (key, value) => {
    if (value != null)
      opts[key] = value;
  };
  set("rawLeaves", a.bool("raw-leaves"));
  set("chunker", chunker);
  set("trickle", a.bool("trickle"));
  set("wrapWithDirectory", a.bool("wrap-with-directory"));
  set("hidden", a.bool("hidden"));
  set("onlyHash", a.bool("only-hash"));
  set("pin", a.bool("pin"));
  set("inline", a.bool("inline"));
  set("inlineLimit", inlineLimit);
  set("maxLinks", maxLinks);
  return opts;
}
var addCommands = {
  add: {
    args: [0, 0],
    options: {
      quiet: "bool",
      quieter: "bool",
      silent: "bool",
      progress: "bool",
      trickle: "bool",
      "only-hash": "bool",
      "wrap-with-directory": "bool",
      chunker: "string",
      pin: "bool",
      "raw-leaves": "bool",
      nocopy: "bool",
      fscache: "bool",
      "cid-version": "int",
      hash: "string",
      inline: "bool",
      "inline-limit": "int",
      hidden: "bool",
      "max-file-links": "int",
      "preserve-mode": "bool",
      "preserve-mtime": "bool",
      mode: "string",
      mtime: "int",
      "mtime-nsecs": "int",
      "to-files": "string",
      "pin-name": "string",
      recursive: "bool",
      "dereference-args": "bool",
      "stdin-name": "string",
      wrap: "bool"
    },
    async run({ api, args, req, res, signal, limits }) {
      const options = addOptions(args, signal);
      const progress = args.bool("progress") === true;
      const quiet = args.bool("quiet") === true || args.bool("quieter") === true;
      if (args.string("to-files") != null || args.bool("nocopy") === true)
        throw new InvalidParametersError("to-files and nocopy are not supported");
      const parts = multipartParts(req, limits);
      async function* candidates() {
        let count = 0;
        for await (const part of parts) {
          count++;
          const candidate = { path: part.path };
          if (part.mode != null)
            candidate.mode = part.mode;
          if (part.mtime != null)
            candidate.mtime = part.mtime;
          if (part.kind === "file")
            candidate.content = part.content;
          if (part.kind === "symlink")
            candidate.symlinkTarget = new TextDecoder().decode(await readPart(part, 4096));
          yield candidate;
        }
        if (count === 0)
          throw new InvalidParametersError("no files in the request");
      }
      if (progress) {
        const out = lazyStream(res, "application/json; charset=utf-8", "values");
        options.onProgress = (bytes, path) => {
          out.push(JSON.stringify({ Name: path, Bytes: bytes }) + "\n");
        };
        try {
          for await (const r of api.add(candidates(), options)) {
            await out.write(JSON.stringify({ Name: r.path, Hash: r.cid.toString(), Size: String(r.size) }) + "\n");
          }
        } catch (err) {
          out.end(err);
          return;
        }
        out.end();
        return;
      }
      await sendNdjson(res, api.add(candidates(), options), (r) => quiet ? { Hash: r.cid.toString() } : { Name: r.path, Hash: r.cid.toString(), Size: String(r.size) });
    }
  }
};

// ../../apps/gateway/dist/src/rpc/commands/block.js
var blockCommands = {
  "block/get": {
    args: [1, 1],
    async run({ api, args, res, signal }) {
      const bytes = await api.block.get(args.args[0], { signal });
      res.writeHead(200, { "Content-Type": "text/plain", "X-Stream-Output": "1", "Content-Length": String(bytes.length) });
      res.end(bytes);
    }
  },
  "block/put": {
    args: [0, 0],
    options: { "cid-codec": "string", mhtype: "string", mhlen: "int", pin: "bool", format: "string", "allow-big-block": "bool", "cid-version": "int", version: "int" },
    async run({ api, args, req, res, signal, limits }) {
      const format = args.string("format");
      const legacy = { v0: "dag-pb", protobuf: "dag-pb", cbor: "dag-cbor", "dag-pb": "dag-pb", "dag-cbor": "dag-cbor", "dag-json": "dag-json", raw: "raw" };
      const codec = args.string("cid-codec") ?? (format != null ? legacy[format] : void 0) ?? "raw";
      if (!["raw", "dag-pb", "dag-cbor", "dag-json"].includes(codec))
        throw new InvalidParametersError(`unsupported cid-codec "${codec.slice(0, 30)}"`);
      const mhtype = args.string("mhtype") ?? "sha2-256";
      if (mhtype !== "sha2-256")
        throw new InvalidParametersError(`unsupported mhtype "${mhtype.slice(0, 30)}"`);
      const max = args.bool("allow-big-block") === true ? limits.maxPartBytes : limits.maxBlockBytes;
      const blocks = [];
      for await (const part of multipartParts(req, { ...limits, maxPartBytes: max })) {
        if (part.kind !== "file")
          throw new MalformedRequestError("block/put takes file parts only");
        blocks.push(await readPart(part, max));
      }
      if (blocks.length === 0)
        throw new InvalidParametersError("no block data in the request");
      const results = [];
      for (const bytes of blocks) {
        const cid = await api.block.put(bytes, { signal, cidCodec: codec, mhtype, pin: args.bool("pin") ?? false });
        results.push({ Key: cid.toString(), Size: bytes.length });
      }
      if (results.length === 1)
        sendJson(res, results[0]);
      else
        await sendNdjson(res, results, (r) => r);
    }
  },
  "block/stat": {
    args: [1, 1],
    async run({ api, args, res, signal }) {
      const s = await api.block.stat(args.args[0], { signal });
      sendJson(res, { Key: s.cid.toString(), Size: s.size });
    }
  },
  "block/rm": {
    args: [1, 1024],
    options: { force: "bool", quiet: "bool" },
    async run({ api, args, res, signal }) {
      const quiet = args.bool("quiet") === true;
      const results = [];
      for await (const r of api.block.rm(args.args, { signal, force: args.bool("force") ?? false })) {
        if (quiet && r.error == null)
          continue;
        results.push({ Hash: r.cid.toString(), ...r.error != null ? { Error: r.error } : {} });
      }
      await sendNdjson(res, results, (r) => r);
    }
  }
};

// ../../apps/gateway/dist/src/rpc/commands/bootstrap.js
var bootstrapCommands = {
  bootstrap: {
    args: [0, 0],
    async run({ api, res, signal }) {
      sendJson(res, { Peers: await api.bootstrap.list({ signal }) });
    }
  },
  "bootstrap/list": {
    args: [0, 0],
    async run({ api, res, signal }) {
      sendJson(res, { Peers: await api.bootstrap.list({ signal }) });
    }
  },
  "bootstrap/add": {
    args: [0, 64],
    options: { default: "bool" },
    async run({ api, args, res, signal }) {
      const useDefault = args.bool("default") === true;
      if (!useDefault && args.args.length === 0)
        throw new InvalidParametersError('argument "arg" is required');
      sendJson(res, { Peers: await api.bootstrap.add(args.args, { signal, default: useDefault }) });
    }
  },
  "bootstrap/add/default": {
    args: [0, 0],
    async run({ api, res, signal }) {
      sendJson(res, { Peers: await api.bootstrap.add([], { signal, default: true }) });
    }
  },
  "bootstrap/rm": {
    args: [0, 64],
    options: { all: "bool" },
    async run({ api, args, res, signal }) {
      const all = args.bool("all") === true;
      if (!all && args.args.length === 0)
        throw new InvalidParametersError('argument "arg" is required');
      sendJson(res, { Peers: await api.bootstrap.rm(args.args, { signal, all }) });
    }
  },
  "bootstrap/rm/all": {
    args: [0, 0],
    async run({ api, res, signal }) {
      sendJson(res, { Peers: await api.bootstrap.rm([], { signal, all: true }) });
    }
  }
};

// ../../apps/gateway/dist/src/rpc/commands/config.js
var configCommands = {
  config: {
    args: [1, 2],
    options: { bool: "bool", json: "bool" },
    async run({ api, args, res, signal }) {
      const [key, raw] = args.args;
      if (raw == null) {
        const value2 = await api.config.get(key, { signal });
        if (value2 === void 0)
          throw new NotFoundError(`config key "${key.slice(0, 100)}" has no value`);
        sendJson(res, { Key: key, Value: value2 });
        return;
      }
      let value = raw;
      if (args.bool("json") === true) {
        try {
          value = JSON.parse(raw);
        } catch (err) {
          throw new InvalidParametersError("value is not valid JSON", { cause: err });
        }
      } else if (args.bool("bool") === true) {
        if (raw !== "true" && raw !== "false")
          throw new InvalidParametersError("value must be true or false");
        value = raw === "true";
      }
      await api.config.set(key, value, { signal });
      sendJson(res, { Key: key, Value: value });
    }
  },
  "config/show": {
    args: [0, 0],
    async run({ api, res, signal }) {
      sendJson(res, await api.config.show({ signal }));
    }
  }
};

// ../../apps/gateway/dist/src/rpc/command.js
function pathArg(a) {
  const p = a.args[0];
  if (p.trim() === "")
    throw new InvalidParametersError('argument "arg" is empty');
  return p;
}
var cidJson = (cid) => ({ "/": cid.toString() });

// ../../apps/gateway/dist/src/rpc/commands/dag.js
var dagCommands = {
  "dag/import": {
    args: [0, 0],
    options: { "pin-roots": "bool", silent: "bool", stats: "bool", "allow-big-block": "bool" },
    async run({ api, args, req, res, signal, limits }) {
      const pinRoots = args.bool("pin-roots") ?? true;
      const silent = args.bool("silent") === true;
      const roots = [];
      let blocks = 0;
      for await (const part of multipartParts(req, limits)) {
        if (part.kind !== "file")
          throw new MalformedRequestError("dag/import takes CAR file parts only");
        for await (const r of api.dag.import(part.content, { signal, pinRoots })) {
          roots.push({ Root: { Cid: cidJson(r.root.cid), PinErrorMsg: r.root.pinErrorMsg ?? "" } });
          blocks++;
        }
      }
      const lines = silent ? [] : [...roots];
      if (args.bool("stats") === true)
        lines.push({ Stats: { BlockCount: blocks, BlockBytesCount: 0 } });
      await sendNdjson(res, lines, (l) => l);
    }
  },
  "dag/export": {
    args: [1, 1],
    options: { progress: "bool", "dag-scope": "string" },
    async run({ api, args, res, signal }) {
      const scope = args.string("dag-scope") ?? "all";
      if (!["all", "entity", "block"].includes(scope))
        throw new InvalidParametersError(`invalid dag-scope "${scope.slice(0, 20)}"`);
      await sendBytes2(res, api.dag.export(args.args[0], { signal, dagScope: scope }), "application/vnd.ipld.car");
    }
  },
  "dag/stat": {
    args: [1, 64],
    options: { progress: "bool" },
    async run({ api, args, res, signal }) {
      const stats = [];
      let total = 0;
      let blocks = 0;
      for (const root of args.args) {
        const s = await api.dag.stat(root, { signal });
        stats.push({ Cid: cidJson(s.cid), Size: s.size, NumBlocks: s.numBlocks });
        total += s.size;
        blocks += s.numBlocks;
      }
      sendJson(res, { UniqueBlocks: blocks, TotalSize: total, SharedSize: 0, Ratio: 1, DagStats: stats });
    }
  }
};

// ../../apps/gateway/dist/src/rpc/commands/files.js
var filesCommands = {
  "files/stat": {
    args: [1, 1],
    options: { format: "string", hash: "bool", size: "bool", "with-local": "bool" },
    async run({ api, args, res, signal }) {
      const path = args.args[0];
      if (!path.startsWith("/ipfs/"))
        throw new InvalidParametersError("only /ipfs/ paths are supported (no MFS)");
      const s = await api.stat(path, { signal });
      sendJson(res, { Hash: s.cid.toString(), Size: s.size, CumulativeSize: s.cumulativeSize, Blocks: s.blocks, Type: s.type === "directory" ? "directory" : s.type === "symlink" ? "symlink" : "file" });
    }
  }
};

// ../../apps/gateway/dist/src/rpc/peerid-base.js
var LIBP2P_KEY = 114;
var ENCODERS = Object.values(bases);
function peerIdEncoder(label) {
  if (label == null || label === "" || label === "b58mh")
    return (id) => id;
  const encoder = ENCODERS.find((b) => b.name === label || b.prefix === label);
  if (encoder == null)
    throw new InvalidParametersError(`invalid peerid-base "${label.slice(0, 30)}"`);
  return (id) => {
    return CID.createV1(LIBP2P_KEY, decode(base58btc.baseDecode(id))).toString(encoder);
  };
}

// ../../apps/gateway/dist/src/rpc/commands/id.js
var idCommands = {
  id: {
    args: [0, 1],
    // `peer-id` is what kubo-rpc-client's `id({ peerId })` adds beside the `arg`
    options: { format: "string", "peerid-base": "string", "peer-id": "string" },
    async run({ api, args, res, signal }) {
      const encode = peerIdEncoder(args.string("peerid-base"));
      const peerId = args.args[0] ?? args.string("peer-id");
      const id = await api.id({ signal, ...peerId != null && peerId !== "" ? { peerId } : {} });
      sendJson(res, { ID: encode(id.id), PublicKey: id.publicKey, Addresses: id.addresses, AgentVersion: id.agentVersion, ProtocolVersion: id.protocolVersion, Protocols: id.protocols });
    }
  }
};

// ../../apps/gateway/dist/src/rpc/commands/pin.js
var pinCommands = {
  "pin/add": {
    args: [1, 64],
    options: { recursive: "bool", progress: "bool", name: "string", stream: "bool", metadata: "string" },
    async run({ api, args, res, signal }) {
      const recursive = args.bool("recursive") ?? true;
      if (args.bool("progress") === true) {
        const out = lazyStream(res, "application/json; charset=utf-8", "values");
        try {
          const pins2 = [];
          for (const path of args.args) {
            const cids = await api.pin.add(path, { signal, recursive, onProgress: (n) => {
              out.push(JSON.stringify({ Progress: n }) + "\n");
            } });
            pins2.push(...cids.map((c3) => c3.toString()));
          }
          await out.write(JSON.stringify({ Pins: pins2 }) + "\n");
        } catch (err) {
          out.end(err);
          return;
        }
        out.end();
        return;
      }
      const pins = [];
      for (const path of args.args)
        pins.push(...(await api.pin.add(path, { signal, recursive })).map((c3) => c3.toString()));
      sendJson(res, { Pins: pins });
    }
  },
  "pin/rm": {
    args: [1, 64],
    options: { recursive: "bool" },
    async run({ api, args, res, signal }) {
      const recursive = args.bool("recursive") ?? true;
      const pins = [];
      for (const path of args.args)
        pins.push(...(await api.pin.rm(path, { signal, recursive })).map((c3) => c3.toString()));
      sendJson(res, { Pins: pins });
    }
  },
  "pin/ls": {
    args: [0, 64],
    // `paths` is what kubo-rpc-client also puts in the query (the paths themselves travel as `arg`)
    options: { type: "string", quiet: "bool", stream: "bool", names: "bool", name: "string", detailed: "bool", paths: "string" },
    async run({ api, args, res, signal }) {
      const type = args.string("type") ?? "all";
      if (!["all", "recursive", "direct", "indirect"].includes(type))
        throw new InvalidParametersError(`invalid pin type "${type.slice(0, 20)}"`);
      const source = api.pin.ls({ signal, type, ...args.args.length > 0 ? { paths: args.args } : {} });
      if (args.bool("stream") === true) {
        await sendNdjson(res, source, (p) => ({ Cid: p.cid.toString(), Type: p.type }));
        return;
      }
      const keys = {};
      for await (const p of source)
        keys[p.cid.toString()] = { Type: p.type, Name: "" };
      sendJson(res, { Keys: keys });
    }
  },
  "pin/update": {
    args: [2, 2],
    options: { unpin: "bool" },
    async run({ api, args, res, signal }) {
      const pins = await api.pin.update(args.args[0], args.args[1], { signal, unpin: args.bool("unpin") ?? true });
      sendJson(res, { Pins: pins.map((c3) => c3.toString()) });
    }
  }
};

// ../../apps/gateway/dist/src/rpc/commands/pubsub.js
function decodeMultibaseText(text, what) {
  if (!text.startsWith("u"))
    throw new InvalidParametersError(`${what} must be multibase-encoded (base64url, "u" prefix)`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(base64url.decode(text));
  } catch (err) {
    throw new InvalidParametersError(`${what} is not valid multibase base64url`, { cause: err });
  }
}
var encodeMultibase = (bytes) => base64url.encode(bytes);
var encodeText = (text) => encodeMultibase(new TextEncoder().encode(text));
function bigintBytes(n) {
  const hex = n.toString(16).padStart(16, "0");
  return Uint8Array.from(hex.match(/../g).map((h) => parseInt(h, 16)));
}
var pubsubCommands = {
  "pubsub/pub": {
    args: [1, 1],
    async run({ api, args, req, res, signal, limits }) {
      const topic = decodeMultibaseText(args.args[0], "topic");
      const messages = [];
      for await (const part of multipartParts(req, { ...limits, maxPartBytes: limits.maxBlockBytes })) {
        messages.push(await readPart(part, limits.maxBlockBytes));
      }
      if (messages.length === 0)
        throw new InvalidParametersError("no message data in the request");
      for (const m2 of messages)
        await api.pubsub.publish(topic, m2, { signal });
      res.writeHead(200, { "Content-Length": "0" });
      res.end();
    }
  },
  "pubsub/sub": {
    args: [1, 1],
    options: { discover: "bool", "on-error": "string" },
    async run({ api, args, res, signal }) {
      const topic = decodeMultibaseText(args.args[0], "topic");
      const out = lazyStream(res, "application/json; charset=utf-8", "values");
      const handler = (m2) => {
        out.push(JSON.stringify({
          from: m2.from,
          data: encodeMultibase(m2.data),
          seqno: encodeMultibase(bigintBytes(m2.sequenceNumber ?? 0n)),
          topicIDs: [encodeText(m2.topic)]
        }) + "\n");
      };
      await api.pubsub.subscribe(topic, handler, { signal });
      out.start();
      res.flushHeaders();
      await new Promise((resolve) => {
        if (signal.aborted)
          resolve();
        else
          signal.addEventListener("abort", () => {
            resolve();
          }, { once: true });
      });
      await api.pubsub.unsubscribe(topic, handler).catch(() => {
      });
      if (!res.destroyed)
        out.end();
    }
  },
  "pubsub/ls": {
    args: [0, 0],
    async run({ api, res, signal }) {
      sendJson(res, { Strings: (await api.pubsub.ls({ signal })).map(encodeText) });
    }
  },
  "pubsub/peers": {
    args: [0, 1],
    async run({ api, args, res, signal }) {
      const topic = args.args[0] != null ? decodeMultibaseText(args.args[0], "topic") : "";
      sendJson(res, { Strings: await api.pubsub.peers(topic, { signal }) });
    }
  }
};

// ../../apps/gateway/dist/src/rpc/commands/repo.js
async function* gcLines(api, streamErrors, silent, signal) {
  const errors = [];
  for await (const r of api.repo.gc({ signal })) {
    if (r.error != null) {
      errors.push(r.error);
      if (streamErrors)
        yield { Key: null, Error: r.error };
    } else if (r.cid != null && (streamErrors || !silent)) {
      yield { Key: cidJson(r.cid) };
    }
  }
  if (errors.length > 0)
    throw new Error(streamErrors ? "encountered errors during gc run" : errors.join("; "));
}
var repoCommands = {
  "repo/gc": {
    args: [0, 0],
    options: { "stream-errors": "bool", quiet: "bool", silent: "bool" },
    async run({ api, args, res, signal }) {
      await sendNdjson(res, gcLines(api, args.bool("stream-errors") === true, args.bool("silent") === true, signal), (l) => l);
    }
  },
  "repo/stat": {
    args: [0, 0],
    options: { "size-only": "bool", human: "bool" },
    async run({ api, res, signal }) {
      const s = await api.repo.stat({ signal });
      sendJson(res, { RepoSize: s.repoSize, StorageMax: s.storageMax, NumObjects: s.numObjects, RepoPath: s.repoPath, Version: s.version });
    }
  },
  "repo/verify": {
    args: [0, 0],
    async run({ api, res, signal }) {
      await sendNdjson(res, api.repo.verify({ signal }), (v) => ({ Msg: v.msg, Progress: v.progress ?? 0 }));
    }
  }
};

// ../../apps/gateway/dist/src/rpc/commands/routing.js
var routingCommands = {
  "routing/findprovs": {
    args: [1, 1],
    options: { "num-providers": "int", verbose: "bool" },
    async run({ api, args, res, signal }) {
      const n = args.int("num-providers") ?? 20;
      if (n < 1)
        throw new InvalidParametersError("num-providers must be at least 1");
      await sendNdjson(res, api.routing.findProvs(args.args[0], { signal, numProviders: n }), (p) => ({ Extra: "", ID: "", Responses: [{ ID: p.id, Addrs: p.addrs }], Type: 4 }));
    }
  },
  "routing/provide": {
    args: [1, 1024],
    options: { recursive: "bool", verbose: "bool" },
    async run({ api, args, res, signal }) {
      await api.routing.provide(args.args, { signal, recursive: args.bool("recursive") ?? false });
      await sendNdjson(res, [], (l) => l);
    }
  }
};

// ../../apps/gateway/dist/src/rpc/commands/stats.js
var bitswapStat = {
  args: [0, 0],
  options: { verbose: "bool", human: "bool" },
  async run({ api, res, signal }) {
    const s = await api.stats.bitswap({ signal });
    sendJson(res, {
      Wantlist: s.wantlist.map((cid) => ({ "/": cid.toString() })),
      Peers: s.peers,
      BlocksReceived: s.blocksReceived,
      DataReceived: s.dataReceived,
      BlocksSent: s.blocksSent,
      DataSent: s.dataSent,
      DupBlksReceived: s.dupBlksReceived,
      DupDataReceived: s.dupDataReceived
    });
  }
};
var statsCommands = {
  "stats/bitswap": bitswapStat,
  "bitswap/stat": bitswapStat,
  "stats/bw": {
    args: [0, 0],
    options: { peer: "string", proto: "string", poll: "bool", interval: "string" },
    async run({ api, args, res, signal }) {
      if (args.bool("poll") === true)
        throw new InvalidParametersError("poll is not supported");
      const bw = await api.stats.bw({ signal });
      await sendNdjson(res, [bw], (b) => ({ TotalIn: Number(b.totalIn), TotalOut: Number(b.totalOut), RateIn: b.rateIn, RateOut: b.rateOut }));
    }
  }
};

// ../../apps/gateway/dist/src/rpc/commands/swarm.js
var EMPTY_IDENTIFY = { ID: "", PublicKey: "", Addresses: null, AgentVersion: "", Protocols: null };
async function identify(api, peer, signal) {
  try {
    const id = await api.id({ peerId: peer, signal });
    return { ID: id.id, PublicKey: id.publicKey, Addresses: id.addresses, AgentVersion: id.agentVersion, Protocols: id.protocols };
  } catch {
    return EMPTY_IDENTIFY;
  }
}
var swarmCommands = {
  "swarm/peers": {
    args: [0, 0],
    options: { verbose: "bool", streams: "bool", latency: "bool", direction: "bool", identify: "bool" },
    async run({ api, args, res, signal }) {
      const verbose = args.bool("verbose") === true;
      const want = (name) => verbose || args.bool(name) === true;
      const peers = [...await api.swarm.peers({ signal })].sort((a, b) => a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0);
      const out = [];
      for (const p of peers) {
        out.push({
          Addr: p.addr,
          Peer: p.peer,
          ...want("latency") ? { Latency: p.latency ?? "n/a" } : {},
          // network.Direction: 1 inbound, 2 outbound
          ...want("direction") && p.direction != null ? { Direction: p.direction === "inbound" ? 1 : 2 } : {},
          ...want("streams") && (p.streams?.length ?? 0) > 0 ? { Streams: [...p.streams].sort().map((Protocol) => ({ Protocol })) } : {},
          Identify: want("identify") ? await identify(api, p.peer, signal) : EMPTY_IDENTIFY
        });
      }
      sendJson(res, { Peers: out.length === 0 ? null : out });
    }
  },
  "swarm/connect": {
    args: [1, 64],
    async run({ api, args, res, signal }) {
      const strings = [];
      for (const addr of args.args) {
        await api.swarm.connect(addr, { signal });
        strings.push(`connect ${addr.split("/p2p/").at(-1) ?? addr} success`);
      }
      sendJson(res, { Strings: strings });
    }
  },
  "swarm/addrs": {
    args: [0, 0],
    async run({ api, res, signal }) {
      const addrs = {};
      for (const { id, addrs: a } of await api.swarm.addrs({ signal }))
        addrs[id] = a;
      sendJson(res, { Addrs: addrs });
    }
  },
  "swarm/addrs/local": {
    args: [0, 0],
    options: { id: "bool" },
    async run({ api, res, signal }) {
      sendJson(res, { Strings: await api.swarm.localAddrs({ signal }) });
    }
  }
};

// ../../apps/gateway/dist/src/rpc/commands/unixfs.js
var UNIXFS_TYPE = { raw: 2, directory: 1, file: 2, symlink: 4, object: 0 };
var lsSize = (e) => e.type === "directory" || e.type === "symlink" ? 0 : e.size;
var isNotADirectory = (err) => err?.name === "NotADirectoryError" || err?.name === "NotAFileError";
async function* lsEvents(api, paths, signal) {
  for (const path of paths) {
    let opened = false;
    try {
      for await (const e of api.ls(path, { signal })) {
        if (!opened)
          yield { kind: "object", path };
        opened = true;
        yield { kind: "link", path, json: JSON.stringify({ Name: e.name, Hash: e.cid.toString(), Size: lsSize(e), Type: UNIXFS_TYPE[e.type] ?? 0, Target: "" }) };
      }
    } catch (err) {
      if (!isNotADirectory(err))
        throw err;
    }
    if (!opened)
      yield { kind: "object", path };
    yield { kind: "end" };
  }
}
async function* lsDocument(api, paths, signal) {
  let objects = 0;
  let links = 0;
  for await (const event of lsEvents(api, paths, signal)) {
    if (event.kind === "object") {
      yield `${objects++ === 0 ? '{"Objects":[' : ","}{"Hash":${JSON.stringify(event.path)},"Links":[`;
      links = 0;
    } else if (event.kind === "link") {
      yield (links++ === 0 ? "" : ",") + event.json;
    } else {
      yield "]}";
    }
  }
  yield objects === 0 ? '{"Objects":[]}\n' : "]}\n";
}
async function* lsLines(api, paths, signal) {
  for await (const event of lsEvents(api, paths, signal)) {
    if (event.kind === "link")
      yield `{"Objects":[{"Hash":${JSON.stringify(event.path)},"Links":[${event.json}]}]}
`;
  }
}
var unixfsCommands = {
  cat: {
    args: [1, 1],
    options: { offset: "int", length: "int", progress: "bool" },
    async run({ api, args, res, signal }) {
      const offset = args.int("offset");
      const length = args.int("length");
      if (offset != null && offset < 0 || length != null && length < 0)
        throw new InvalidParametersError("offset and length must not be negative");
      await sendBytes2(res, api.cat(pathArg(args), { signal, offset, length }), "text/plain");
    }
  },
  get: {
    args: [1, 1],
    options: { output: "string", archive: "bool", compress: "bool", "compression-level": "int", progress: "bool" },
    async run({ api, args, res, signal }) {
      if (args.bool("compress") === true)
        throw new InvalidParametersError("compress is not supported");
      await sendBytes2(res, tarStream(api.get(pathArg(args), { signal })), "application/x-tar");
    }
  },
  ls: {
    args: [1, 64],
    options: { headers: "bool", "resolve-type": "bool", size: "bool", stream: "bool", long: "bool" },
    async run({ api, args, res, signal }) {
      if (args.bool("stream") === true) {
        await sendBytes2(res, lsLines(api, args.args, signal), "application/json; charset=utf-8", "values");
        return;
      }
      await sendBytes2(res, lsDocument(api, args.args, signal), "application/json; charset=utf-8", "single");
    }
  }
};

// ../../apps/gateway/dist/src/rpc/commands/unsupported.js
var UNSUPPORTED = {
  p2p: {
    why: "libp2p stream forwarding is an experimental Kubo feature",
    commands: ["p2p", "p2p/listen", "p2p/forward", "p2p/close", "p2p/ls", "p2p/stream", "p2p/stream/ls", "p2p/stream/close"]
  },
  mount: { why: "there is no FUSE mount", commands: ["mount"] },
  filestore: {
    why: "blocks are always stored in the repo (no --nocopy)",
    commands: ["filestore", "filestore/ls", "filestore/verify", "filestore/dups"]
  },
  update: { why: "Cairn is updated with its package manager", commands: ["update"] }
};
function unsupported(name, why) {
  return {
    args: [0, 1024],
    async run() {
      throw new UnsupportedCommandError(`"${name}" is not supported by Cairn: ${why}`);
    }
  };
}
var unsupportedCommands = Object.fromEntries(Object.values(UNSUPPORTED).flatMap(({ why, commands: commands2 }) => commands2.map((name) => [name, unsupported(name, why)])));

// ../../apps/gateway/dist/src/rpc/commands/version.js
var versionCommands = {
  version: {
    args: [0, 0],
    options: { number: "bool", commit: "bool", repo: "bool", all: "bool" },
    async run({ api, res, signal }) {
      const v = await api.version({ signal });
      sendJson(res, { Version: v.version, Commit: v.commit, Repo: v.repo, System: v.system, Golang: "" });
    }
  }
};

// ../../apps/gateway/dist/src/rpc/commands/index.js
function joinTables(tables) {
  const all = {};
  for (const table2 of tables) {
    for (const [name, command] of Object.entries(table2)) {
      if (Object.hasOwn(all, name))
        throw new Error(`RPC command "${name}" is registered twice`);
      all[name] = command;
    }
  }
  return all;
}
var commands = joinTables([
  idCommands,
  versionCommands,
  addCommands,
  unixfsCommands,
  filesCommands,
  pinCommands,
  blockCommands,
  dagCommands,
  repoCommands,
  swarmCommands,
  routingCommands,
  pubsubCommands,
  statsCommands,
  configCommands,
  bootstrapCommands,
  unsupportedCommands
]);

// ../../apps/gateway/dist/src/rpc/debug.js
import { Session } from "node:inspector/promises";
import { pipeline } from "node:stream/promises";
import { getHeapSnapshot } from "node:v8";
var METRICS_PATH = "/debug/metrics/prometheus";
var HEAP_PATH = "/debug/pprof/heap";
var PROFILE_PATH = "/debug/pprof/profile";
var DEFAULT_PROFILE_SECONDS = 30;
var PROFILE_SECONDS_MAX = 300;
var DEBUG_PATHS = [METRICS_PATH, HEAP_PATH, PROFILE_PATH];
async function serveDebug(path, url, req, res, metrics, signal) {
  if (path === METRICS_PATH) {
    if (metrics == null)
      throw new UnknownCommandError("this node keeps no metrics");
    const body = await metrics.scrape();
    res.writeHead(200, { "Content-Type": metrics.contentType, "Content-Length": Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  if (path === HEAP_PATH) {
    res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Disposition": 'attachment; filename="cairn.heapsnapshot"' });
    await pipeline(getHeapSnapshot(), res, { signal });
    return;
  }
  if (path === PROFILE_PATH) {
    const raw = url.searchParams.get("seconds") ?? String(DEFAULT_PROFILE_SECONDS);
    const seconds = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw) || seconds <= 0 || seconds > PROFILE_SECONDS_MAX) {
      throw new InvalidParametersError(`seconds must be a number above 0 and at most ${PROFILE_SECONDS_MAX}, not "${raw.slice(0, 20)}"`);
    }
    const profile = await cpuProfile(seconds * 1e3, signal);
    const body = JSON.stringify(profile);
    res.writeHead(200, { "Content-Type": "application/json", "Content-Disposition": 'attachment; filename="cairn.cpuprofile"', "Content-Length": Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  void req;
  throw new UnknownCommandError(`404 page not found: ${path.slice(0, 100)}`);
}
async function cpuProfile(ms, signal) {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
    await new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      }
      signal.addEventListener("abort", done, { once: true });
    });
    const { profile } = await session.post("Profiler.stop");
    return profile;
  } finally {
    session.disconnect();
  }
}

// ../../apps/gateway/dist/src/http-metrics.js
var import_prom_client = __toESM(require_prom_client(), 1);
var LATENCY_BUCKETS = [1e-3, 5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
var routes = /* @__PURE__ */ new WeakMap();
function setRoute(req, route) {
  routes.set(req, route);
}
function gatewayRoute(req) {
  const path = (req.url ?? "/").split("?")[0];
  const host = req.headers.host ?? "";
  if (/\.ip[fn]s\./.test(host))
    return host.includes(".ipns.") ? "subdomain-ipns" : "subdomain-ipfs";
  if (path.startsWith("/ipfs/"))
    return "/ipfs";
  if (path.startsWith("/ipns/"))
    return "/ipns";
  return "other";
}
function family(registry, name, make) {
  return registry.getSingleMetric(name) ?? make();
}
function createHttpMetrics(registry) {
  const labelNames = ["listener", "route"];
  const requests = family(registry, "cairn_http_requests_total", () => new import_prom_client.Counter({
    name: "cairn_http_requests_total",
    help: "HTTP requests answered, by listener, route and status code",
    labelNames: [...labelNames, "code"],
    registers: [registry]
  }));
  const latency = family(registry, "cairn_http_request_duration_seconds", () => new import_prom_client.Histogram({
    name: "cairn_http_request_duration_seconds",
    help: "Time from a request to the end of its response",
    labelNames,
    buckets: LATENCY_BUCKETS,
    registers: [registry]
  }));
  const sent = family(registry, "cairn_http_response_bytes_total", () => new import_prom_client.Counter({
    name: "cairn_http_response_bytes_total",
    help: "Bytes written to HTTP clients, headers included",
    labelNames,
    registers: [registry]
  }));
  const received = family(registry, "cairn_http_request_bytes_total", () => new import_prom_client.Counter({
    name: "cairn_http_request_bytes_total",
    help: "Bytes read from HTTP clients, headers included",
    labelNames,
    registers: [registry]
  }));
  return {
    instrument: (listener, handler) => (req, res) => {
      const started = performance.now();
      const socket = req.socket;
      const writtenBefore = socket.bytesWritten;
      const readBefore = socket.bytesRead;
      res.once("close", () => {
        const route = routes.get(req) ?? (listener === "gateway" ? gatewayRoute(req) : "other");
        const labels = { listener, route };
        requests.inc({ ...labels, code: String(res.statusCode) });
        latency.observe(labels, (performance.now() - started) / 1e3);
        sent.inc(labels, Math.max(0, socket.bytesWritten - writtenBefore));
        received.inc(labels, Math.max(0, socket.bytesRead - readBefore));
      });
      handler(req, res);
    }
  };
}

// ../../apps/gateway/dist/src/rpc/server.js
var API_PREFIX = "/api/v0/";
function expectedHeader(secret) {
  if (secret.startsWith("basic:"))
    return `Basic ${Buffer.from(secret.slice("basic:".length)).toString("base64")}`;
  if (secret.startsWith("bearer:"))
    return `Bearer ${secret.slice("bearer:".length)}`;
  return `Bearer ${secret}`;
}
function safeEqual(a, b) {
  const x2 = Buffer.from(a);
  const y = Buffer.from(b);
  return x2.length === y.length && timingSafeEqual(x2, y);
}
function answerOptions(req, res) {
  if (req.headers["access-control-request-method"] == null) {
    res.writeHead(204, { Allow: "OPTIONS, POST" });
  } else if (res.hasHeader("Access-Control-Allow-Origin")) {
    res.writeHead(204, {
      "Access-Control-Allow-Methods": "POST",
      "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "Content-Type, Authorization"
    });
  } else {
    res.writeHead(204);
  }
  res.end();
}
function createRpcHandler(init) {
  const log = (init.logger ?? defaultLogger()).forComponent("cairn:gateway:rpc");
  const table2 = { ...commands, ...init.commands };
  const origins = createOriginPolicy(init.allowedOrigins);
  const authorizations = Object.values(init.authorizations ?? {});
  const limits = {
    maxBodyBytes: init.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxPartBytes: init.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxParts: init.maxParts ?? DEFAULT_MAX_MULTIPART_PARTS,
    maxBlockBytes: init.maxBlockBytes ?? DEFAULT_MAX_BLOCK_BYTES
  };
  function checkAuthorization(req, path) {
    if (authorizations.length === 0)
      return;
    const header = req.headers.authorization ?? "";
    const match = authorizations.find((a) => safeEqual(header, expectedHeader(a.AuthSecret)));
    if (match == null)
      throw new ForbiddenError("missing or wrong authorization");
    if (path === "/api/v0/version")
      return;
    if (!match.AllowedPaths.some((p) => path === p || path.startsWith(p.endsWith("/") ? p : p + "/"))) {
      throw new ForbiddenError(`not authorized for ${path.slice(0, 100)}`);
    }
  }
  async function handle(req, res, signal) {
    const url = new URL(req.url ?? "/", "http://api.invalid");
    const origin = req.headers.origin ?? "";
    if (origin !== "" && origins.allows(origin, req.socket.localPort)) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Vary", "Origin");
      res.setHeader("Access-Control-Expose-Headers", "X-Stream-Output, X-Chunked-Output, X-Content-Length, X-Stream-Error");
    }
    if (req.method === "OPTIONS") {
      answerOptions(req, res);
      return;
    }
    checkAuthorization(req, url.pathname);
    if (DEBUG_PATHS.includes(url.pathname)) {
      setRoute(req, url.pathname);
      await serveDebug(url.pathname, url, req, res, init.metrics, signal);
      return;
    }
    if (!url.pathname.startsWith(API_PREFIX))
      throw new UnknownCommandError(`404 page not found: ${url.pathname.slice(0, 100)}`);
    if (req.method !== "POST")
      throw new MethodNotAllowedError("POST", `${req.method} is not allowed: the RPC API takes POST only`);
    origins.check(req);
    const name = url.pathname.slice(API_PREFIX.length).replace(/\/+$/, "");
    const command = Object.hasOwn(table2, name) ? table2[name] : void 0;
    if (command == null)
      throw new UnknownCommandError(`unknown command "${name.slice(0, 100)}"`);
    setRoute(req, API_PREFIX + name);
    const args = parseArgs(url.searchParams, command);
    const timeout = args.string("timeout");
    const signals = [signal];
    if (timeout != null)
      signals.push(AbortSignal.timeout(parseDuration(timeout)));
    try {
      await command.run({ api: init.api, args, req, res, signal: AbortSignal.any(signals), limits });
    } catch (err) {
      if (signals.length > 1 && signals[1].aborted && !signal.aborted)
        throw new TimeoutError("request timed out", { cause: err });
      throw err;
    }
  }
  return (req, res) => {
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished)
        controller.abort();
    });
    handle(req, res, controller.signal).catch((err) => {
      if (err?.name === "MethodNotAllowedError")
        res.setHeader("Allow", "OPTIONS, POST");
      if (!req.complete)
        req.resume();
      if (res.headersSent || toRpcStatus(err) >= 500)
        log.error("%s %s - %e", req.method, req.url, err);
      if (canEndWithError(res))
        endStream(res, err);
      else
        sendError(res, err, "rpc");
    });
  };
}

// ../../apps/gateway/dist/src/index.js
function listen(server, host, port) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      reject(err);
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve(server.address());
    });
  });
}
function close(server) {
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
}
function defaultsFromConfig(node) {
  const config = node.config;
  const out = {};
  const timeout = config.Gateway?.Timeout;
  if (typeof timeout === "string") {
    try {
      out.timeoutMs = parseDuration(timeout);
    } catch {
    }
  }
  if (typeof config.Gateway?.AllowCodecConversion === "boolean")
    out.allowCodecConversion = config.Gateway.AllowCodecConversion;
  if (config.API?.Authorizations != null && Object.keys(config.API.Authorizations).length > 0)
    out.authorizations = config.API.Authorizations;
  const origins = config.API?.HTTPHeaders?.["Access-Control-Allow-Origin"];
  if (Array.isArray(origins))
    out.allowedOrigins = origins;
  return out;
}
var urlOf = (a) => `http://${a.family === "IPv6" ? `[${a.address}]` : a.address}:${a.port}`;
var GatewayServers = class {
  #init;
  #node;
  #servers = [];
  gatewayUrl;
  apiUrl;
  apiMultiaddr;
  constructor(node, init) {
    this.#node = node;
    this.#init = init;
  }
  async start() {
    if (this.#servers.length > 0)
      return;
    const init = { ...defaultsFromConfig(this.#node), ...this.#init };
    const logger = init.logger ?? this.#node.libp2p?.logger;
    const maxHeaderSize = init.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES;
    const metrics = this.#node.metrics;
    const http = metrics == null ? void 0 : createHttpMetrics(metrics.registry);
    try {
      if (init.gateway !== false) {
        const handler = createPathGateway({ backend: init.backend ?? createNodeBackend(this.#node, { blockCacheBytes: init.blockCacheBytes, pathCacheEntries: init.pathCacheEntries }), timeoutMs: init.timeoutMs ?? DEFAULT_TIMEOUT_MS, logger, subdomainHosts: init.subdomainHosts, allowCodecConversion: init.allowCodecConversion });
        const server = createServer({ maxHeaderSize }, http?.instrument("gateway", handler) ?? handler);
        this.#servers.push(server);
        const address = await listen(server, init.gateway?.host ?? DEFAULT_HOST, init.gateway?.port ?? DEFAULT_GATEWAY_PORT);
        this.gatewayUrl = urlOf(address);
      }
      if (init.api !== false) {
        const handler = createRpcHandler({
          api: this.#node,
          authorizations: init.authorizations,
          allowedOrigins: init.allowedOrigins,
          maxBodyBytes: init.maxBodyBytes,
          maxBlockBytes: init.maxBlockBytes,
          commands: init.commands,
          metrics,
          logger
        });
        const server = createServer({ maxHeaderSize, requestTimeout: 0 }, http?.instrument("api", handler) ?? handler);
        this.#servers.push(server);
        const address = await listen(server, init.api?.host ?? DEFAULT_HOST, init.api?.port ?? DEFAULT_API_PORT);
        this.apiUrl = urlOf(address);
        this.apiMultiaddr = `/${address.family === "IPv6" ? "ip6" : "ip4"}/${address.address}/tcp/${address.port}`;
      }
    } catch (err) {
      await this.stop();
      throw err;
    }
  }
  async stop() {
    const servers = this.#servers;
    this.#servers = [];
    await Promise.all(servers.map(close));
    this.gatewayUrl = void 0;
    this.apiUrl = void 0;
    this.apiMultiaddr = void 0;
  }
};
async function createGateway(node, init = {}) {
  return new GatewayServers(node, init);
}
export {
  DEFAULT_API_PORT,
  DEFAULT_BLOCK_CACHE_BYTES,
  DEFAULT_GATEWAY_PORT,
  DEFAULT_HOST,
  DEFAULT_MAX_BLOCK_BYTES,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_HEADER_BYTES,
  DEFAULT_MAX_LISTING_ENTRIES,
  DEFAULT_MAX_MULTIPART_PARTS,
  DEFAULT_MAX_URL_BYTES,
  DEFAULT_PATH_CACHE_ENTRIES,
  DEFAULT_SUBDOMAIN_HOSTS,
  DEFAULT_TIMEOUT_MS,
  ForbiddenError,
  IMMUTABLE_CACHE_CONTROL,
  MalformedRequestError,
  MethodNotAllowedError,
  NotAcceptableError,
  PayloadTooLargeError,
  PreconditionFailedError,
  RangeNotSatisfiableError,
  RetryAfterError,
  SNIFF_BYTES,
  StatusError,
  UnknownCommandError,
  UnsupportedCommandError,
  createApiBackend,
  createGateway,
  createNodeBackend,
  createPathGateway,
  createRpcHandler,
  gatewayErrorClasses,
  toHttpStatus,
  toRpcStatus
};
/*! Bundled license information:

mime-db/index.js:
  (*!
   * mime-db
   * Copyright(c) 2014 Jonathan Ong
   * Copyright(c) 2015-2022 Douglas Christopher Wilson
   * MIT Licensed
   *)

mime-types/index.js:
  (*!
   * mime-types
   * Copyright(c) 2014 Jonathan Ong
   * Copyright(c) 2015 Douglas Christopher Wilson
   * MIT Licensed
   *)
*/
