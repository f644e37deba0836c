// Certificates for one test cluster, made with the openssl command line (Node cannot issue X.509
// certificates): a CA, the API server's serving certificate, an admin client certificate
// (group system:masters) and the service-account signing key.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ClusterPki {
  dir: string;
  caCert: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
  adminCert: string;
  adminKey: string;
  serviceAccountKey: string;
  serviceAccountPub: string;
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export function createPki(dir: string): ClusterPki {
  mkdirSync(dir, { recursive: true });
  const p = (name: string): string => join(dir, name);
  const pki: ClusterPki = {
    dir,
    caCert: p('ca.crt'),
    caKey: p('ca.key'),
    serverCert: p('apiserver.crt'),
    serverKey: p('apiserver.key'),
    adminCert: p('admin.crt'),
    adminKey: p('admin.key'),
    serviceAccountKey: p('sa.key'),
    serviceAccountPub: p('sa.pub'),
  };
  openssl(['req', '-x509', ...EC, '-days', '3650', '-subj', '/CN=portolan-test-ca', '-keyout', pki.caKey, '-out', pki.caCert,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign,digitalSignature']);
  const issue = (subject: string, key: string, cert: string, extensions: string[]): void =>
    openssl(['req', '-x509', ...EC, '-days', '3650', '-subj', subject, '-CA', pki.caCert, '-CAkey', pki.caKey,
      '-keyout', key, '-out', cert, '-addext', 'basicConstraints=CA:FALSE', ...extensions.flatMap((e) => ['-addext', e])]);
  issue('/CN=kube-apiserver', pki.serverKey, pki.serverCert, [
    'subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc',
    'extendedKeyUsage=serverAuth,clientAuth',
  ]);
  issue('/O=system:masters/CN=portolan-admin', pki.adminKey, pki.adminCert, ['extendedKeyUsage=clientAuth,serverAuth']);
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', pki.serviceAccountKey]);
  openssl(['pkey', '-in', pki.serviceAccountKey, '-pubout', '-out', pki.serviceAccountPub]);
  return pki;
}

export function base64File(path: string): string {
  return readFileSync(path).toString('base64');
}
