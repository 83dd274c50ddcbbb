/**
 * "What am I looking at?" for each panel, keyed by the panel's id: what the picture is and how to
 * read it, in a few sentences. Kept together so the voice stays the same from panel to panel.
 */
export const EXPLANATIONS: Record<string, string> = {
  curves:
    'The loss per image, in nats, as training goes on: lower is better. The negative ELBO (nELBO) splits into reconstruction — how badly the decoder rebuilds an image from its code — and KL — how far each image’s code distribution q(z|x) strays from the prior N(0, I). Diamonds are the held-out test images after each epoch; a train line well below them means overfitting.',
  recon:
    'In each pair, first a test image the model never trains on, then the decoder’s mean image for that image’s code. Blurry early on, they sharpen as the reconstruction term falls; what stays blurry is what the code has no room for.',
  samples:
    'Codes drawn from the prior N(0, I) — not from any image — and decoded. If these look like data, the model is a generator, not only a compressor; the same draws are reused, so you see each one sharpen as training goes on.',
  scatter:
    'Where the encoder puts each test image: its posterior mean μ(x), one dot per image, coloured by the true label the model never saw. Clusters by colour mean the code captures the class unsupervised; with more than 2 latent dimensions you see a 2-D projection (PCA), which can overlap clusters that are apart in the full space.',
  manifold:
    'A map of the 2-D latent plane: each tile is the decoder’s image for one point of an even grid over the prior’s probability mass. Neighbouring tiles morph smoothly into each other where the latent space is continuous.',
  'explore-recon':
    'Chosen test images beside what the decoder makes of their codes. With “one draw from q(z|x)” instead of the mean you see how much the encoder’s uncertainty changes the image.',
  prior:
    'Decoded draws from the prior, scaled by a temperature T. Samples near the centre (T < 1) look typical and alike; T > 1 reaches rarer codes, where the decoder has seen little data and images break up.',
  interp:
    'Walks through latent space from one image’s code to another’s, decoding along the way. A smooth morph through plausible images shows a well-filled latent space; a jump or a blur in the middle shows a hole the prior’s samples could also land in.',
  collapse:
    'The KL of each latent dimension, averaged over test images. A dimension with KL near 0 nats is “collapsed”: the encoder ignores it, so it carries no information — common with strong decoders, β > 1 or a large latent size.',
  chain:
    'Starts from prior samples and repeatedly encodes and decodes (z ~ q(z|x), x ~ p(x|z)). Where the chains settle shows the images the model treats as most typical: some models send every chain to one shape, others let each settle on a fixed point of its own.',
  draw:
    'Draw a digit, or load a test image, and choose which pixels the model may see. The small image is exactly what the model gets as input, at its own resolution.',
  completion:
    'Fills in the hidden pixels two ways: the encoder’s guess from the visible ones (fast, amortized), and a q(z) fitted by gradient steps to the visible pixels alone (slower, often better). The chart shows the fit’s ELBO on the observed pixels as it improves.',
  gap:
    'How much ELBO the shared encoder loses on each image compared with an encoder-free q fitted to that image alone: the amortization gap. A large gap means the encoder, not the decoder, limits the model.',
  gmm:
    'A Gaussian mixture fitted by EM: each component is a cluster. NMI compares the clusters with the true labels (1 = the same grouping, 0 = unrelated); sampling the mixture’s codes and decoding them gives new images.',
  probe:
    'How much of the label a small classifier can read off the codes (encoder frozen), compared with one reading the raw pixels. High accuracy from a small code means the VAE kept the class information.',
  iwae:
    'An estimate of log p(x), the quantity the ELBO only bounds from below. With more samples k the estimate tightens; its distance above the ELBO shows how loose the training objective is.',
  race:
    'Two runs training at the same time, each with the same panels: its loss curves, test images beside their reconstructions, decoded prior samples and its test codes in latent space. The settings that differ are highlighted under each name. The left run is the one in the Train view, so the run bar pauses and resumes both.',
  runs: 'Every run this browser has trained, saved as it goes. Tick runs to overlay their curves below; Open loads one back into the Train view, Export downloads its config and weights.',
  compare:
    'The nELBO curves of the ticked runs on one chart. Only compare runs with the same likelihood: a density (Gaussian, Beta, logit-normal) is on a different scale from Bernoulli or categorical nats.',
  presets: 'Configurations behind figures in the seed reports. Loading one sets every control on the Train tab; press Train to reproduce the figure.',
};
